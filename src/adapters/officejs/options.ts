/** Options of the Office.js adapter, and how it tells Excel's payload errors. */

export interface OfficeWorkbookOptions {
  /** Largest estimated request per sync before writes are split (Excel on the web refuses 5 MB). */
  requestBudget?: number;
  /** Largest estimated response per sync when a long table is read in parts. */
  responseBudget?: number;
  /** Rows read in read()'s first sync; longer tables take a second. */
  firstReadRows?: number;
}

export const DEFAULTS: Required<OfficeWorkbookOptions> = {
  requestBudget: 4 * 1024 * 1024,
  responseBudget: 4 * 1024 * 1024,
  firstReadRows: 500,
};


export const errorCode = (e: unknown) => (e as { code?: unknown })?.code;
export const isPayloadTooLarge = (e: unknown) => errorCode(e) === "RequestPayloadSizeLimitExceeded" || errorCode(e) === "ResponsePayloadSizeLimitExceeded";
