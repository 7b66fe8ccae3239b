import "./setup";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, PaneTab } from "../../src/taskpane/App";
import { FakeHost, FakeWorkbook } from "./fakeWorkbook";

/** Renders the pane over a fake workbook and waits for its first read of the Lists sheet. */
export async function renderPane(workbook = new FakeWorkbook(), options: { tab?: PaneTab; host?: FakeHost } = {}) {
  const host = options.host ?? new FakeHost();
  const user = userEvent.setup({ delay: null });
  const view = render(<App port={workbook} host={host} initialTab={options.tab} />);
  await waitFor(() => expect(workbook.reads.length).toBeGreaterThan(0));
  await waitFor(() => expect(screen.queryByText(/Reading the workbook/)).toBeNull());
  return { ...view, user, workbook, host };
}

/** The visible tab panel. */
export function panel(): HTMLElement {
  const shown = screen.getAllByRole("tabpanel");
  if (shown.length !== 1) throw new Error(`${shown.length} tab panels visible`);
  return shown[0];
}
