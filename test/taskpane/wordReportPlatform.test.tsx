/** @jest-environment jsdom */
/**
 * Export report's message gives Excel for Mac's advice only where it applies (walk-through 8): on a Mac, plainly; on
 * Windows or the web, not at all; where the pane cannot tell, as "On Excel for Mac, …".
 */
import { screen, waitFor } from "@testing-library/react";
import { FakeHost, FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

class PlatformHost extends FakeHost {
  constructor(private readonly name: string | undefined) {
    super();
  }
  platform(): string | undefined {
    return this.name;
  }
}

async function exported(host: FakeHost): Promise<string> {
  const { user } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-1", "Assessment team 1", "RI", { Service: "Assessment" })] }), { tab: "summary", host });
  await user.click(screen.getByRole("button", { name: "Export report (Word)" }));
  await waitFor(() => expect(host.downloads).toHaveLength(1), { timeout: 20_000 });
  return (await screen.findByText(/The Word report is offered as a download/)).textContent ?? "";
}

test("on Excel for Mac: says downloads are not allowed there and what to use instead", async () => {
  expect(await exported(new PlatformHost("Mac"))).toBe(
    "The Word report is offered as a download. It holds grades and counts only. Excel for Mac does not allow downloads from add-ins: if nothing was saved, export the report from Excel on the web or with the command line.",
  );
});

test("on Windows or the web: no word of the Mac", async () => {
  for (const platform of ["PC", "OfficeOnline"]) {
    const text = await exported(new PlatformHost(platform));
    expect(text).toBe("The Word report is offered as a download. It holds grades and counts only.");
    document.body.innerHTML = "";
  }
});

test("where the pane cannot tell: the advice is worded for Mac users only", async () => {
  expect(await exported(new FakeHost())).toBe(
    "The Word report is offered as a download. It holds grades and counts only. On Excel for Mac, which does not allow downloads from add-ins, export the report from Excel on the web or with the command line.",
  );
});
