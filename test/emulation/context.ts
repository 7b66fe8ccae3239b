/** The emulated Excel.RequestContext: one queue of actions per context, sync accounting and payload limits. See proxies.ts for how the emulation behaves. */
import type { EmulatedWorkbook } from "./workbook";
import { EmulationError } from "./workbook";
import { EmulatedOfficeError, EmulationLog, EmulationSettings, LoadOutcome, Op, ProxyBase, versionAtMost } from "./base";
import { WorkbookProxy } from "./worksheets";

export class EmRequestContext {
  readonly workbook: WorkbookProxy;
  private pending: Op[] = [];
  private instantiated = new Set<ProxyBase>();

  constructor(
    readonly model: EmulatedWorkbook,
    readonly settings: EmulationSettings,
    readonly log: EmulationLog,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** @internal Runs after each sync that carried actions (ExcelEmulation.pauseNextRun: another user's batch in between). */
  afterSync?: () => Promise<void>;

  get hasPendingActions(): boolean {
    return this.pending.length > 0;
  }

  enqueue(op: Op): void {
    this.pending.push(op);
  }

  noteInstantiated(obj: ProxyBase): void {
    this.instantiated.add(obj);
  }

  requireApi(member: string, version: string): void {
    if (!versionAtMost(version, this.settings.maxApiVersion)) {
      throw new EmulatedOfficeError(
        "ApiNotFound",
        `${member} needs ExcelApi ${version}; this host supports ExcelApi ${this.settings.maxApiVersion}.`,
        member,
      );
    }
  }

  /** Runs the queued actions in order: one round trip. Loads become readable when it completes. */
  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.pending;
    this.pending = [];
    if (ops.length === 0) return; // Office.js sends nothing when there is nothing queued.
    const request = JSON.stringify(ops.map((o) => o.wire)).length;
    this.log.syncs++;
    this.log.requestBytes.push(request);
    if (request > this.settings.payloadLimit) {
      throw new EmulatedOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${request} bytes) has exceeded the limit (${this.settings.payloadLimit} bytes).`,
      );
    }
    this.instantiated = new Set();
    const loads: LoadOutcome[] = [];
    try {
      for (const op of ops) {
        const outcome = op.run();
        if (outcome) loads.push(outcome);
      }
    } catch (e) {
      // Actions before the failing one stay applied: an Excel batch is not a transaction.
      this.log.responseBytes.push(0);
      if (e instanceof EmulationError) throw new EmulatedOfficeError(e.code, e.message);
      throw e;
    }
    const response = loads.reduce((n, l) => n + l.bytes, 0);
    this.log.responseBytes.push(response);
    if (response > this.settings.payloadLimit) {
      throw new EmulatedOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${response} bytes) has exceeded the limit (${this.settings.payloadLimit} bytes).`,
      );
    }
    for (const obj of this.instantiated) obj._markInstantiated();
    for (const l of loads) l.commit();
    if (this.afterSync) await this.afterSync();
  }
}
