/**
 * The emulation behaves as Excel does where the add-in's appending and set-up meet Excel's rules
 * (project issue 10). Each behaviour cites its source in the emulation file that models it;
 * "unverified (cautious)" ones are checked in real Excel by the self-test (src/selftest).
 */
import { EmulatedWorkbook, ExcelEmulation, FORMULA_RESULT, installExcelEmulation } from "../emulation";
import { freshWorkbookEachTest } from "./freshPort";

let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;

freshWorkbookEachTest((w, e) => {
  wb = w;
  emulation = e;
});

const sheet = () => wb.sheet("Sheet1");

describe("totals rows", () => {
  beforeEach(() => {
    wb.setValues("Sheet1", "A1", [["Team", "Score"], ["A", 1]]);
    wb.addTable("Sheet1", "A1:B2", "T");
  });

  it("take the row under the body, leave the body range without them, and read back", async () => {
    const shown = await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("T");
      t.showTotals = true;
      const body = t.getDataBodyRange().load("address");
      const totals = t.getTotalRowRange().load("address");
      const whole = t.getRange().load("address");
      const again = context.workbook.tables.getItem("T").load("showTotals");
      await context.sync();
      return { body: body.address, totals: totals.address, whole: whole.address, showTotals: again.showTotals };
    });
    expect(shown).toEqual({ body: "Sheet1!A2:B2", totals: "Sheet1!A3:B3", whole: "Sheet1!A1:B3", showTotals: true });
    expect(wb.tableValues("T")).toMatchObject({ body: [["A", 1]], totals: ["Total", ""] });
  });

  it("stop the table growing: a row written under the table lands under the totals, outside it", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").showTotals = true;
    });
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").getRange().getRowsBelow(1).values = [["B", 2]];
    });
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B3");
    expect(sheet().values("A3:B4")).toEqual([["Total", ""], ["B", 2]]);
  });

  it("hide again, emptying the totals row", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").showTotals = true;
    });
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").showTotals = false;
    });
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B2");
    expect(sheet().values("A3")).toEqual([[""]]);
  });
});

describe("data under a table", () => {
  beforeEach(() => {
    // The user's note was there before the table (typed after, Excel would have taken it into the table).
    wb.setValues("Sheet1", "A1", [["Team", "Score"], ["A", 1], ["my note", "keep"]]);
    wb.addTable("Sheet1", "A1:B2", "T");
  });

  it("is overwritten by a write to the row under the table, which the table then takes in", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").getDataBodyRange().getRowsBelow(1).values = [["B", 2]];
    });
    expect(sheet().values("A3:B3")).toEqual([["B", 2]]);
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B3");
  });

  it("moves down when a blank row is inserted under the table, and the table grows over what is written there", async () => {
    await Excel.run(async (context) => {
      const below = context.workbook.tables.getItem("T").getDataBodyRange().getRowsBelow(1);
      below.insert("Down");
      below.values = [["B", 2]];
    });
    expect(sheet().values("A3:B4")).toEqual([["B", 2], ["my note", "keep"]]);
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:B3");
  });

  it("cannot be pushed down through part of a table", async () => {
    wb.setValues("Sheet1", "D1", [["X", "Y"], [1, 2]]);
    wb.addTable("Sheet1", "D1:E2", "U");
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("C2:D2").insert("Down");
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("list validation", () => {
  async function listOn(cells: string, source: string, ignoreBlanks?: boolean) {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange(cells);
      range.dataValidation.rule = { list: { inCellDropDown: true, source } };
      if (ignoreBlanks !== undefined) range.dataValidation.ignoreBlanks = ignoreBlanks;
      range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Not on the list", message: "Pick a team." };
    });
  }

  async function validOf(cells: string): Promise<boolean | null> {
    return Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem("Sheet1").getRange(cells).dataValidation.load("valid");
      await context.sync();
      return dv.valid;
    });
  }

  it("refuses a value not in a source without blanks (typed by a user), and reports one written by the API as invalid", async () => {
    wb.setValues("Sheet1", "E1", [["North"], ["South"]]);
    await listOn("A1:A5", "=$E$1:$E$2");
    expect(sheet().enterAsUser("A1", "East")).toEqual({ accepted: false, alert: { title: "Not on the list", message: "Pick a team." } });
    expect(sheet().values("A1")).toEqual([[""]]);
    expect(sheet().enterAsUser("A1", "south")).toEqual({ accepted: true });
    sheet().writeValues({ r0: 1, r1: 1, c0: 0, c1: 0 }, [["East"]]); // Range.values is never refused
    expect(await validOf("A2")).toBe(false);
    expect(await validOf("A1")).toBe(true);
    expect(await validOf("A1:A2")).toBeNull();
  });

  it("accepts anything when the source range holds a blank cell and ignoreBlanks is left true", async () => {
    wb.setValues("Sheet1", "E1", [["North"], ["South"]]); // E3:E300 blank, as the add-in's named lists are
    await listOn("A1:A5", "=$E$1:$E$300");
    expect(sheet().enterAsUser("A1", "Anything at all")).toEqual({ accepted: true });
    expect(await validOf("A1")).toBe(true);
  });

  it("refuses again when ignoreBlanks is false, even with blanks in the source (and then a blank cell is invalid)", async () => {
    wb.setValues("Sheet1", "E1", [["North"], ["South"]]);
    await listOn("A1:A5", "=$E$1:$E$300", false);
    expect(sheet().enterAsUser("A1", "Anything at all").accepted).toBe(false);
    expect(sheet().enterAsUser("A1", "North").accepted).toBe(true);
    expect(await validOf("A2")).toBe(false);
  });

  it("follows a named source", async () => {
    wb.setValues("Sheet1", "E1", [["North"], ["South"]]);
    wb.namedItems.push({ name: "Teams", sheet: sheet(), rect: { r0: 0, r1: 1, c0: 4, c1: 4 }, comment: "" });
    await listOn("A1", "=Teams");
    expect(sheet().enterAsUser("A1", "West").accepted).toBe(false);
  });

  it("refuses an error alert whose title is over 32 characters or message over 225 (unverified: the cautious case)", async () => {
    wb.setValues("Sheet1", "E1", [["North"]]);
    const alertOf = (title: string, message: string) =>
      Excel.run(async (context) => {
        const dv = context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: "=$E$1" } };
        dv.errorAlert = { showAlert: true, style: "Stop", title, message };
      });
    await expect(alertOf("x".repeat(32), "y".repeat(225))).resolves.toBeUndefined();
    await expect(alertOf("x".repeat(33), "ok")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(alertOf("ok", "y".repeat(226))).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("calculated columns", () => {
  beforeEach(() => {
    wb.setValues("Sheet1", "A1", [["Team", "Score", "Double"], ["A", 1, ""]]);
    wb.addTable("Sheet1", "A1:C2", "T");
    wb.setCalculatedColumn("T", "Double", "=[@Score]*2");
  });

  it("fill their formula into a row the table grows over where the write left the cell null", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").getDataBodyRange().getRowsBelow(1).values = [["B", 2, null]];
    });
    expect(sheet().cell("C3")).toMatchObject({ formula: "=[@Score]*2", value: FORMULA_RESULT });
  });

  it("are broken in that row by an empty string, which clears the cell", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").getDataBodyRange().getRowsBelow(1).values = [["B", 2, ""]];
    });
    expect(sheet().cell("C3")).toMatchObject({ formula: null, value: "" });
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:C3");
  });
});

describe("two request contexts on one workbook (co-authoring)", () => {
  it("interleave: a second user's batch between the first's read and write writes to the same empty row, and the later write wins", async () => {
    wb.setValues("Sheet1", "A1", [["Team"], ["A"]]);
    wb.addTable("Sheet1", "A1:A2", "T");
    const append = (team: string) =>
      Excel.run(async (context) => {
        const range = context.workbook.tables.getItem("T").getRange().load("rowCount");
        await context.sync(); // read
        context.workbook.worksheets.getItem("Sheet1").getRange().getCell(range.rowCount, 0).values = [[team]];
        await context.sync(); // write
      });
    const second = emulation.pauseNextRun(1, () => append("Second"));
    await append("First");
    await second;
    expect(wb.tableValues("T").body).toEqual([["A"], ["First"]]);
    expect(emulation.runCount()).toBe(2);
  });
});

describe("item 6 behaviours the adapter rests on", () => {
  it("text format @ keeps =… as text through Range.values", async () => {
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.numberFormat = [["@"]];
      r.values = [["=1+1"]];
    });
    expect(sheet().cell("A1")).toMatchObject({ value: "=1+1", formula: null });
  });

  it("loads on children of a null object give null objects", async () => {
    const nulls = await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const child = missing.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      return [missing.isNullObject, child.isNullObject, child.address];
    });
    expect(nulls).toEqual([true, true, undefined]);
  });

  it("tables.add over a header row alone gives the table one empty body row", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").values = [["A", "B"]];
      ws.tables.add("A1:B1", true).name = "T";
    });
    expect(wb.tableValues("T")).toEqual({ headers: ["A", "B"], body: [["", ""]], address: "Sheet1!A1:B2" });
  });

  it("a deliberately broken emulation (faults.tablesDoNotGrow) stops tables growing", async () => {
    wb.setValues("Sheet1", "A1", [["A"], [1]]);
    wb.addTable("Sheet1", "A1:A2", "T");
    wb.faults.tablesDoNotGrow = true;
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").getDataBodyRange().getRowsBelow(1).values = [[2]];
    });
    expect(wb.tableValues("T").address).toBe("Sheet1!A1:A2");
  });
});

describe("DATE through Workbook.functions (the add-in's date-system probe)", () => {
  const dates = async (date1904: boolean) => {
    emulation.uninstall();
    emulation = installExcelEmulation(new EmulatedWorkbook({ date1904 }));
    return Excel.run(async (context) => {
      const asked = [[2000, 1, 1], [2018, 1, 9], [4, 3, 31], [1902, 8, 12], [1904, 1, 0], [9999, 12, 32]].map(([y, m, d]) => context.workbook.functions.date(y, m, d).load("value,error"));
      await context.sync();
      return asked.map((r) => r.error ?? r.value);
    });
  };

  it("gives a date's serial in the workbook's date system, 1,462 lower in the 1904 one, and #NUM! before 1904 there", async () => {
    // Support, "Date systems in Excel", and KB 175753's table: DATE(4,3,31) is 31 March 1904 in both systems.
    expect(await dates(false)).toEqual([36526, 43109, 1552, 955, 1461, "#NUM!"]);
    expect(await dates(true)).toEqual([35064, 41647, 90, "#NUM!", "#NUM!", "#NUM!"]);
  });
});

describe("PageLayout print title rows (ExcelApi 1.9: the Counts sheet's header row on every printed page)", () => {
  const titles = (maxApiVersion: string, rows: string) => {
    emulation.uninstall();
    wb = new EmulatedWorkbook();
    emulation = installExcelEmulation(wb, { maxApiVersion });
    return Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Sheet1").pageLayout;
      const before = layout.getPrintTitleRowsOrNullObject().load("address");
      await context.sync();
      layout.setPrintTitleRows(rows);
      const after = layout.getPrintTitleRowsOrNullObject().load("address");
      await context.sync();
      return [before.isNullObject, after.address];
    });
  };

  it("takes whole rows, gives them back as whole rows, and none before they are set", async () => {
    expect(await titles("1.9", "$1:$2")).toEqual([true, "Sheet1!1:2"]);
    expect(sheet().printTitleRows).toBe("$1:$2");
  });

  it("refuses a range that does not span whole rows (the docs: it must, to be valid), and is not there below ExcelApi 1.9", async () => {
    await expect(titles("1.9", "A1:D1")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(titles("1.8", "$1:$1")).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
