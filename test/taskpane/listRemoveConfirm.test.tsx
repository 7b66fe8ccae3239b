/** @jest-environment jsdom */
/**
 * New-user test of the task pane: "Rename or remove a service" had the first service preselected and Remove took it
 * off the Lists sheet with one click. Nothing is preselected now, and Remove asks beside its button, naming the value.
 * The same editor serves services, teams and areas, so each is tested.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

const config = defaultConfig({
  services: ["Front door and MASH", "Assessment", "Safeguarding"],
  areas: ["North", "South", "East"],
  teams: [
    { name: "Safeguarding North", service: "Safeguarding", area: "North" },
    { name: "Safeguarding South", service: "Safeguarding", area: "South" },
  ],
});

const workbook = () => new FakeWorkbook({ config, rows: [visitRow("TD-0001", "Safeguarding North", "G", { Service: "Safeguarding", Area: "North" })] });

type User = Awaited<ReturnType<typeof renderPane>>["user"];

async function opened(user: User, heading: string, one: string) {
  const section = screen.getByRole("heading", { name: heading }).closest("section")!;
  await waitFor(() => expect(within(section).queryByText("…")).toBeNull());
  await user.click(within(section).getByRole("button", { name: `Rename or remove a ${one}` }));
  return within(section).getByRole("group", { name: `Rename or remove a ${one}` });
}

const KINDS = [
  { heading: "Services", one: "service", label: "Service to change", value: "Front door and MASH" },
  { heading: "Teams", one: "team", label: "Team to change", value: "Safeguarding South" },
  { heading: "Areas", one: "area", label: "Area to change", value: "East" },
] as const;

describe.each(KINDS)("the $heading list", ({ heading, one, label, value }) => {
  test("nothing is chosen at first, and Rename or Remove say what is missing without writing", async () => {
    const wb = workbook();
    const { user } = await renderPane(wb, { tab: "setup" });
    const group = await opened(user, heading, one);
    const select = within(group).getByRole("combobox", { name: label }) as HTMLSelectElement;
    expect(select.value).toBe("");
    expect(select.selectedOptions[0].textContent).toBe(one === "area" ? "Choose an area" : `Choose a ${one}`);

    await user.click(within(group).getByRole("button", { name: `Remove ${one}` }));
    const missing = await within(group).findByText(`Choose the ${one} to remove in "${label}" first.`);
    expect(missing.closest("[role=status]")).not.toBeNull();
    expect(within(group).queryByRole("button", { name: "Cancel" })).toBeNull();

    await user.type(within(group).getByRole("textbox", { name: "New name" }), "Something else");
    await user.click(within(group).getByRole("button", { name: `Rename ${one}` }));
    expect(await within(group).findByText(`Choose the ${one} to rename in "${label}" first.`)).toBeInTheDocument();
    expect(wb.plans).toEqual([]);
  });

  test("one click on Remove asks beside the button, naming the value, and removes nothing; the confirm removes", async () => {
    const wb = workbook();
    const { user } = await renderPane(wb, { tab: "setup" });
    const group = await opened(user, heading, one);
    await user.selectOptions(within(group).getByRole("combobox", { name: label }), value);
    await user.click(within(group).getByRole("button", { name: `Remove ${one}` }));

    const ask = within(group).getByRole("group", { name: `Remove "${value}" from the Lists sheet? ${one === "area" ? "Visits" : "Visits and actions"} that name it are not changed.` });
    const confirm = within(ask).getByRole("button", { name: "Remove" });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(wb.plans).toEqual([]);

    await user.click(confirm);
    expect(await within(group).findByText(`${value} removed from the Lists sheet. No row was changed.`)).toBeInTheDocument();
    expect(wb.plans).toHaveLength(1);
    expect(within(group).queryByRole("button", { name: "Cancel" })).toBeNull();
    // After the removal nothing is chosen again: a second click cannot take the next value.
    await waitFor(() => expect((within(group).getByRole("combobox", { name: label }) as HTMLSelectElement).value).toBe(""));
    await waitFor(() => expect(document.activeElement).toBe(within(group).getByRole("button", { name: `Remove ${one}` })));
  });
});

test("Cancel or Escape leaves the list as it is and gives focus back to Remove", async () => {
  const wb = workbook();
  const { user } = await renderPane(wb, { tab: "setup" });
  const group = await opened(user, "Services", "service");
  await user.selectOptions(within(group).getByRole("combobox", { name: "Service to change" }), "Front door and MASH");
  const remove = within(group).getByRole("button", { name: "Remove service" });

  await user.click(remove);
  await user.click(within(group).getByRole("button", { name: "Cancel" }));
  expect(within(group).queryByRole("button", { name: "Cancel" })).toBeNull();
  expect(document.activeElement).toBe(remove);

  // Keyboard only: Enter on Remove asks, focus is on the confirm, Escape goes back.
  await user.keyboard("{Enter}");
  await waitFor(() => expect(document.activeElement).toBe(within(group).getByRole("button", { name: "Remove" })));
  await user.keyboard("{Escape}");
  expect(within(group).queryByRole("button", { name: "Cancel" })).toBeNull();
  expect(document.activeElement).toBe(remove);
  expect(wb.plans).toEqual([]);
  const column = wb.lists![0].indexOf("Services");
  expect(wb.lists!.slice(1, 4).map((r) => r[column])).toEqual(["Front door and MASH", "Assessment", "Safeguarding"]);
});

test("choosing another value while asked withdraws the question", async () => {
  const wb = workbook();
  const { user } = await renderPane(wb, { tab: "setup" });
  const group = await opened(user, "Services", "service");
  const select = within(group).getByRole("combobox", { name: "Service to change" });
  await user.selectOptions(select, "Front door and MASH");
  await user.click(within(group).getByRole("button", { name: "Remove service" }));
  await user.selectOptions(select, "Assessment");
  expect(within(group).queryByRole("button", { name: "Cancel" })).toBeNull();
  expect(wb.plans).toEqual([]);
});
