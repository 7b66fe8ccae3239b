import * as fs from "fs";
import * as path from "path";
import { MANIFEST_EXCEL_API } from "../../src/selftest/requirements";

it("the self-test checks the ExcelApi version manifest.xml declares", () => {
  const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
  const declared = [...manifest.matchAll(/<(?:bt:)?Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/g)].map((m) => m[1]);
  expect(declared.length).toBeGreaterThan(0);
  expect(new Set(declared)).toEqual(new Set([MANIFEST_EXCEL_API]));
});
