/**
 * Inflating a zip entry's raw DEFLATE data, behind one small interface so the .xlsx parser in xlsxParts.ts is
 * shared by every place that reads a workbook's bytes: the task pane (a file chosen in "Import visits…") and tests.
 * The command line's reader (xlsxReader.ts, zip.ts) inflates with Node's zlib.
 *
 * In the browser: DecompressionStream("deflate-raw") from the Compression Streams standard
 * (https://compression.spec.whatwg.org/#supported-formats; MDN:
 * https://developer.mozilla.org/docs/Web/API/DecompressionStream/DecompressionStream). Per MDN's browser
 * compatibility data (mdn/browser-compat-data api/DecompressionStream.json, "deflate-raw"), the "deflate-raw"
 * format is in Chrome and Edge 103 and later, Safari 16.4 and Firefox 113; DecompressionStream itself since
 * Chrome/Edge 80. Excel's task panes run in Edge WebView2 (evergreen Chromium) on Windows, Safari's WKWebView on
 * Mac and the browser itself on the web, so every current Excel has it; Node has it since 21.2 and 20.12 (tests).
 * It decompresses on the page: no network request, nothing for the Content Security Policy to allow.
 */

/** Raw DEFLATE (no zlib header) to bytes, refusing output over maxBytes. */
export type InflateRaw = (raw: Uint8Array, maxBytes: number) => Promise<Uint8Array>;

export class InflateError extends Error {
  constructor(
    readonly kind: "damaged" | "tooLarge" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}

/** Whether this browser (or Node) can inflate with DecompressionStream("deflate-raw"). */
export function canInflate(): boolean {
  if (typeof DecompressionStream === "undefined") return false;
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/** The Compression Streams inflater: reads the output piece by piece and stops at the cap. */
export const streamInflate: InflateRaw = async (raw, maxBytes) => {
  if (!canInflate()) throw new InflateError("unsupported", "this version of Excel cannot unpack .xlsx files in the task pane");
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // The write's and close's own promises reject too when the data is damaged: the reader below reports it.
  writer.write(raw as unknown as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const pieces: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InflateError("tooLarge", `over ${Math.round(maxBytes / 1048576)} MB when unpacked`);
      }
      pieces.push(value);
    }
  } catch (error) {
    if (error instanceof InflateError) throw error;
    throw new InflateError("damaged", "damaged");
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.byteLength;
  }
  return out;
};
