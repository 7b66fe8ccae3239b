import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { openWorkbookFile } from "../../../src/adapters/exceljs/files";
import { csvGrid } from "../../../src/adapters/files/csvBook";
import { NOT_READ } from "../../../src/workbook/port";
import { diagnosticsRequest } from "./diagnosticsRequest";

const request = diagnosticsRequest;

const CSV = "Report title\r\n\r\nService,Team,Strengths\r\nAssessment,Team 1,Child seen alone\r\nAssessment,Team 2,\r\n, ,  \r\n,,kept only as a mark\r\n\r\n";

describe("csvGrid: a CSV file for one read request", () => {
  it("keeps title rows and the header, and leaves the skipped columns out below the header", () => {
    expect(csvGrid(Buffer.from(CSV), request(["Strengths"]))).toEqual([
      ["Report title"],
      [null],
      ["Service", "Team", "Strengths"],
      ["Assessment", "Team 1", NOT_READ],
      ["Assessment", "Team 2", null],
      [],
      [null, null, NOT_READ],
    ]);
  });

  it("reads every column when nothing is skipped", () => {
    expect(csvGrid(Buffer.from(CSV), request([]))[3]).toEqual(["Assessment", "Team 1", "Child seen alone"]);
  });

  it("through openWorkbookFile: a read without narrative never holds it, a read with it does", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "td-csvbook-"));
    try {
      const file = path.join(dir, "east.csv");
      await fs.writeFile(file, CSV);
      const opened = await openWorkbookFile(file);
      const without = await opened.read(request(["Strengths"]));
      expect(without.found.Diagnostics.rows[0]).toEqual(["Assessment", "Team 1", NOT_READ]);
      const withText = await opened.read(request([]));
      expect(withText.found.Diagnostics.rows[0]).toEqual(["Assessment", "Team 1", "Child seen alone"]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
