/**
 * @jest-environment jsdom
 */
import { TextDecoder, TextEncoder } from "node:util";
import { buildWordReport } from "../../src/report/wordReport";
import { sampleSummaries } from "./fixtures";

// jsdom lacks TextEncoder, which every browser the pane runs in has.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// The pane builds the report in the browser: no fs, no Node Buffer needed.
describe("buildWordReport in a browser environment", () => {
  it("returns the .docx bytes", async () => {
    expect(typeof window).toBe("object");
    const { byService, byArea, config } = sampleSummaries();
    const bytes = await buildWordReport({ byService, byArea, config });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBeGreaterThan(5000);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  });
});
