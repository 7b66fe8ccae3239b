/**
 * The emulation's own rules, so none of them can silently stop working: a test passing against the
 * emulation means something only while the emulation is as strict as Excel.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, to prove the emulation refuses like Excel. */
import { EmulatedWorkbook, ExcelEmulation, FORMULA_RESULT, installExcelEmulation } from "../emulation";

let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;

function setup(options?: Parameters<typeof installExcelEmulation>[1]) {
  emulation?.uninstall();
  wb = new EmulatedWorkbook();
  emulation = installExcelEmulation(wb, options);
}

beforeEach(() => setup());
afterEach(() => emulation.uninstall());

const NOT_LOADED = /The property '(\w+)' is not available\. Before reading the property's value, call the load method on the containing object and call "context\.sync\(\)" on the associated request context\./;

describe("proxy objects", () => {
  it("throw PropertyNotLoaded for a scalar property read before load() and sync()", async () => {
    wb.setValues("Sheet1", "A1", [["x"]]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      for (const read of [() => range.values, () => range.address, () => range.rowIndex, () => range.numberFormat]) {
        expect(read).toThrow(NOT_LOADED);
      }
      try {
        void range.values;
      } catch (e) {
        expect((e as { code?: string }).code).toBe("PropertyNotLoaded");
      }
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(NOT_LOADED);
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.name).toThrow(NOT_LOADED);
      const maybe = context.workbook.tables.getItemOrNullObject("Nope");
      expect(() => maybe.isNullObject).toThrow(NOT_LOADED);
    });
  });

  it("throw when load() was queued but sync() has not run yet", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values,address");
      expect(() => range.values).toThrow(NOT_LOADED);
      await context.sync();
      expect(range.values).toEqual([[""]]);
      expect(range.address).toBe("Sheet1!A1");
      // Loading values says nothing about other properties.
      expect(() => range.rowIndex).toThrow(NOT_LOADED);
    });
  });

  it("read back a property the code set, as Office.js does", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["set"]];
      expect(range.values).toEqual([["set"]]);
    });
  });

  it("report isNullObject after a sync, with a null object's properties undefined", async () => {
    wb.addTable("Sheet1", "A1:B2", "Real");
    await Excel.run(async (context) => {
      const missing = context.workbook.tables.getItemOrNullObject("Missing").load("name");
      const real = context.workbook.tables.getItemOrNullObject("Real").load("name");
      const child = missing.getHeaderRowRange().load("values");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(child.isNullObject).toBe(true);
      expect(real.isNullObject).toBe(false);
      expect(real.name).toBe("Real");
    });
  });

  it("load a navigation collection of every item of a collection in the same request, as Office.js rewrites the path", async () => {
    wb.addSheet("Charts");
    wb.setValues("Charts", "A1", [["Service", "G"], ["Assessment", 2]]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Charts");
      ws.charts.add("BarStacked", ws.getRange("A1:B2"), "Columns").name = "One";
      ws.charts.add("BarStacked", ws.getRange("A1:B2"), "Columns").name = "Two";
    });
    emulation.reset();
    await Excel.run(async (context) => {
      // "items/charts/items/name" goes to Excel as "charts/name": one request for every sheet's charts.
      const sheets = context.workbook.worksheets.load("items/name,items/charts/items/name");
      await context.sync();
      expect(emulation.syncCount()).toBe(1);
      expect(sheets.items.map((s) => [s.name, s.charts.items.map((c) => c.name)])).toEqual([
        ["Sheet1", []],
        ["Charts", ["One", "Two"]],
      ]);
      // Only what was loaded: a chart's other properties, and charts of a collection loaded without them, are not.
      expect(() => sheets.items[1].charts.items[0].width).toThrow(NOT_LOADED);
      const bare = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(() => bare.items[1].charts.items).toThrow(NOT_LOADED);
      // The same path from one worksheet.
      const one = context.workbook.worksheets.getItem("Charts").load("charts/items/name");
      await context.sync();
      expect(one.charts.items.map((c) => c.name)).toEqual(["One", "Two"]);
    });
    expect(emulation.responseBytes()[0]).toBeGreaterThan(JSON.stringify(["Sheet1", "Charts", "One", "Two"]).length);

    // A host set up to refuse such loads fails the request instead.
    setup({ nestedCollectionLoads: false });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.load("items/name,items/charts/items/name");
        await context.sync();
      }),
    ).rejects.toThrow(/does not load navigation properties/);
  });

  it("queue writes until sync()", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["later"]];
      expect(wb.sheet("Sheet1").cell("A1").value).toBe("");
      await context.sync();
      expect(wb.sheet("Sheet1").cell("A1").value).toBe("later");
    });
  });

  it("count each sync that carries actions, Excel.run's closing one included", async () => {
    await Excel.run(async (context) => {
      await context.sync(); // nothing queued: no round trip
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      // left queued: Excel.run sends it
    });
    expect(emulation.syncCount()).toBe(2);
    expect(emulation.requestBytes()).toHaveLength(2);
    expect(emulation.runCount()).toBe(1);
    expect(wb.sheet("Sheet1").values("A1:A2")).toEqual([[1], [2]]);
  });

  it("refuse a request over 5 MB, like Excel on the web, and write nothing of it", async () => {
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(Math.max(...emulation.requestBytes())).toBeGreaterThan(5 * 1024 * 1024);
    expect(wb.sheet("Sheet1").usedAddress()).toBeNull();
  });

  it("refuse a response over the limit", async () => {
    setup({ payloadLimit: 10_000 });
    wb.setValues("Sheet1", "A1", Array.from({ length: 100 }, () => ["y".repeat(200)]));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("refuse members newer than the host's ExcelApi version, and answer isSetSupported to match", async () => {
    wb.addTable("Sheet1", "A1:B2", "T");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await expect(Excel.run(async (context) => context.workbook.tables.getItem("T").resize("A1:B5"))).rejects.toMatchObject({ code: "ApiNotFound" });
    setup({ maxApiVersion: "1.13" });
    wb.addTable("Sheet1", "A1:B2", "T");
    await Excel.run(async (context) => context.workbook.tables.getItem("T").resize("A1:B5"));
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B5");
  });

  it("do not offer table.rows (rows.add is what co-authoring guidance says to avoid)", async () => {
    wb.addTable("Sheet1", "A1:B2", "T");
    await Excel.run(async (context) => {
      expect(() => context.workbook.tables.getItem("T").rows).toThrow(/not emulated/);
    });
  });
});

describe("cells", () => {
  it("turn text starting with = into a formula unless the cell is formatted as text", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [["=Fine work"], ["+44 1"], ["-bullet"]];
      ws.getRange("B1").numberFormat = [["@"]];
      ws.getRange("B1").values = [["=Fine work"]];
      ws.getRange("C1:C4").values = [["007"], ["TRUE"], ["07/08/2017"], ["50%"]];
    });
    const s = wb.sheet("Sheet1");
    expect(s.cell("A1")).toMatchObject({ formula: "=Fine work", value: FORMULA_RESULT });
    expect(s.cell("A2").formula).toBe("=+44 1");
    expect(s.cell("A3").formula).toBe("=-bullet");
    expect(s.cell("B1")).toMatchObject({ formula: null, value: "=Fine work", numberFormat: "@" });
    expect(s.values("C1:C4")).toEqual([[7], [true], [42954], [0.5]]);
  });

  it("leave a cell alone for null and empty it for an empty string", async () => {
    wb.setValues("Sheet1", "A1", [["a", "b"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, ""]];
    });
    expect(wb.sheet("Sheet1").values("A1:B1")).toEqual([["a", ""]]);
  });

  it("apply a 1x1 array to every cell of a range, and refuse other mismatched shapes", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2:B1048576").numberFormat = [["dd/mm/yyyy"]];
    });
    expect(wb.sheet("Sheet1").cell("B500000").numberFormat).toBe("dd/mm/yyyy");
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]];
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("tables", () => {
  it("always keep one body row, empty in a new table", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C1").values = [["A", "B", "C"]];
      ws.tables.add(ws.getRange("A1:C1"), true).name = "T";
    });
    expect(wb.tableValues("T")).toEqual({ headers: ["A", "B", "C"], body: [["", "", ""]], address: "Sheet1!A1:C2" });
  });

  it("grow over data written directly below the last row, not over data written from inside", async () => {
    wb.setValues("Sheet1", "A1", [["A", "B"], [1, 2]]);
    wb.addTable("Sheet1", "A1:B2", "T");
    await Excel.run(async (context) => {
      const body = context.workbook.tables.getItem("T").getDataBodyRange();
      body.getRowsBelow(2).values = [[3, 4], [5, 6]];
    });
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B4");
    // From the last row of the table downwards: Excel does not count that as writing below the table.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A4:B5").values = [[7, 8], [9, 10]];
    });
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B4");
    // Blank rows at the end of what is written are not taken in.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A6:B8").values = [[11, 12], ["", ""], [null, null]];
    });
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B4");
  });

  it("grow over many rows written below in one go (Office.js sends them in blocks of 1,500 cells)", async () => {
    wb.setValues("Sheet1", "A1", [["A", "B", "C"]]);
    wb.addTable("Sheet1", "A1:C1", "T");
    const rows = Array.from({ length: 2000 }, (_, i) => [i, `r${i}`, true]);
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("T");
      t.getDataBodyRange().values = [rows[0]];
      t.getDataBodyRange().getRowsBelow(1999).values = rows.slice(1);
    });
    const t = wb.tableValues("T");
    expect(t.address).toBe("Sheet1!A1:C2001");
    expect(t.body[1999]).toEqual([1999, "r1999", true]);
  });

  it("extend a dropdown and colours of the last row to the rows the table grows over", async () => {
    wb.setValues("Sheet1", "A1", [["Grade"], ["G"]]);
    wb.addTable("Sheet1", "A1:A2", "T");
    await Excel.run(async (context) => {
      const body = context.workbook.tables.getItem("T").getDataBodyRange();
      body.dataValidation.rule = { list: { inCellDropDown: true, source: "=$C$1:$C$4" } };
      body.getRowsBelow(1).values = [["RI"]];
    });
    expect(wb.sheet("Sheet1").validationAt("A3")?.rule.list?.source).toBe("=$C$1:$C$4");
  });
});

describe("workbook", () => {
  it("keeps a name on its sheet when the sheet is renamed", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Lists");
      context.workbook.names.add("TD_Owned_lists", ws.getRange("A1"));
    });
    wb.renameSheet("Lists", "My lists");
    expect(wb.names()).toEqual([{ name: "TD_Owned_lists", formula: "='My lists'!$A$1", sheet: "My lists" }]);
  });

  it("selects only on the active sheet", async () => {
    wb.addSheet("Other");
    await expect(Excel.run(async (context) => context.workbook.worksheets.getItem("Other").getRange("B2").select())).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other");
      ws.activate();
      ws.getRange("B2").select();
    });
    expect(wb.activeCellAddress()).toBe("Other!B2");
  });

  it("shows conditional fills by the cell's whole text", async () => {
    wb.setValues("Sheet1", "A1", [["RI"], ["G / RI"], ["ri"]]);
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").conditionalFormats.add("CellValue").cellValue;
      cf.format.fill.color = "#FFC000";
      cf.format.font.color = "#000000";
      cf.rule = { formula1: '="RI"', operator: "EqualTo" };
    });
    const s = wb.sheet("Sheet1");
    expect([s.fillAt("A1"), s.fillAt("A2"), s.fillAt("A3")]).toEqual(["#FFC000", null, "#FFC000"]);
  });
});

describe("the host", () => {
  it("calls Office.onReady's callback and resolves its promise, as Office.js does", async () => {
    const seen: unknown[] = [];
    const info = await Office.onReady((i) => {
      seen.push(i);
    });
    expect(seen).toEqual([info]);
    expect(info).toMatchObject({ host: "Excel" });
  });

  it("records workbooks opened with Excel.createWorkbook, and refuses one without a file", async () => {
    await Excel.createWorkbook("UEsDBA==");
    expect(emulation.createdWorkbooks()).toEqual(["UEsDBA=="]);
    await expect(Excel.createWorkbook("")).rejects.toThrow("base64");
  });

  it("has no Excel.createWorkbook on a host older than ExcelApi 1.8", async () => {
    setup({ maxApiVersion: "1.7" });
    await expect(Excel.createWorkbook("UEsDBA==")).rejects.toThrow("ExcelApi 1.8");
  });
});
