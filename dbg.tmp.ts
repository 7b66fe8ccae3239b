import { SheetScanner } from "./src/adapters/files/sheetScan";
import { openXlsxFile } from "./src/adapters/files/xlsxFile";
import { diagnosticsRequest } from "./src/workbook/diagnosticsRead";
import { defaultConfig } from "./src/domain";
const orig = SheetScanner.prototype.push;
let pushes = 0, bytes = 0, carried = 0;
SheetScanner.prototype.push = function (this: any, p: Uint8Array) { pushes++; bytes += p.length; carried += this.carry?.length ?? 0; return orig.call(this, p); };
(async () => {
  const req = diagnosticsRequest({ rows: true, narrative: false, lists: true, selection: false, actions: true }, defaultConfig({ services: [] }));
  const t0 = performance.now();
  const book = await openXlsxFile("bench-output/diagnostics-100000.xlsx").read(req);
  console.log(pushes, bytes, carried, (performance.now() - t0).toFixed(0));
})();
