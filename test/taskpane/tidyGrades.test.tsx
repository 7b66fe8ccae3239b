/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

function messy() {
  return new FakeWorkbook({
    rows: [
      visitRow("TD-0001", "Safeguarding North", "G", { "Allocation and workload": "Good", "Joint working": "ri" }),
      visitRow("TD-0002", "Safeguarding North", "RI", { "Visit date": 42955, "Overall conclusion": "RI/I" }),
    ],
  });
}

test("Tidy grades says how many cells it will change, then writes exactly those in one plan", async () => {
  const workbook = messy();
  const before = JSON.parse(JSON.stringify(workbook.rows));
  const { user } = await renderPane(workbook, { tab: "check" });

  await user.click(screen.getByRole("button", { name: "Tidy grades" }));
  expect(await screen.findByText(/^3 grade cells will change: I2 "Good" to G; L2 "ri" to RI; M3 "RI\/I" to RI \/ I\.$/)).toBeInTheDocument();
  expect(workbook.plans).toEqual([]);

  await user.click(screen.getByRole("button", { name: "Change 3 cells" }));
  const tidied = await screen.findByText("3 grade cells tidied.");
  // The confirm group and its button are gone: focus goes to the result, not to the page.
  expect(document.activeElement).toBe(tidied);
  expect(workbook.plans).toEqual([
    {
      action: "Tidy grades",
      changes: [
        { kind: "setValues", sheet: "Diagnostics", topLeft: "I2", values: [["G"]] },
        { kind: "setValues", sheet: "Diagnostics", topLeft: "L2", values: [["RI"]] },
        { kind: "setValues", sheet: "Diagnostics", topLeft: "M3", values: [["RI / I"]] },
      ],
    },
  ]);
  // Every other cell as it was.
  const changed: string[] = [];
  workbook.rows.forEach((cells, r) => cells.forEach((v, c) => v !== before[r][c] && changed.push(`${r}:${c}`)));
  expect(changed).toEqual(["0:8", "0:11", "1:12"]);
});

test("a cell changed since the check is left alone", async () => {
  const workbook = messy();
  const { user } = await renderPane(workbook, { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Tidy grades" }));
  await screen.findByText(/^3 grade cells will change/);
  // A co-author types over I2 meanwhile.
  workbook.rows[0][8] = "Outstanding";
  await user.click(screen.getByRole("button", { name: "Change 3 cells" }));
  expect(await screen.findByText("2 grade cells tidied. 1 cell left as it was: changed since the check (I2).")).toBeInTheDocument();
  expect(workbook.plans[0].changes.map((c) => (c.kind === "setValues" ? c.topLeft : c.kind))).toEqual(["L2", "M3"]);
  expect(workbook.rows[0][8]).toBe("Outstanding");
});

test("nothing to tidy says so and writes nothing", async () => {
  const workbook = new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });
  const { user } = await renderPane(workbook, { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Tidy grades" }));
  expect(await screen.findByText("Every grade is already in its usual spelling: nothing to tidy.")).toBeInTheDocument();
  expect(workbook.plans).toEqual([]);
});
