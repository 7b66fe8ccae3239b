import { screen, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";

export const GRADE_LABELS = ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];

/** A control by the start of its label (Fluent adds a hidden asterisk to required labels). */
export function control(label: string, root: HTMLElement = document.body): HTMLElement {
  return within(root).getByLabelText(new RegExp(`^${label.replace(/[()]/g, "\\$&")}\\s*\\*?$`));
}

export function form(): HTMLElement {
  return screen.getByRole("form", { name: /Record a visit|Edit visit/ });
}

/** Fills every field a final visit needs, leaving out the grades named in `skipGrades`. */
export async function fillVisit(
  user: UserEvent,
  values: { service?: string; team?: string; date?: string; grade?: string; skipGrades?: string[] } = {},
): Promise<void> {
  const f = form();
  await user.selectOptions(control("Service", f), values.service ?? "Safeguarding");
  await user.type(control("Team", f), values.team ?? "Safeguarding North");
  await user.type(control("Visit date", f), values.date ?? "05/03/2024");
  await user.type(control("Round", f), "2");
  await user.type(control("Team manager", f), "Sam Smith");
  for (const label of GRADE_LABELS) {
    if (values.skipGrades?.includes(label)) continue;
    await user.selectOptions(control(label, f), values.grade ?? "RI");
  }
  await user.type(control("Strengths", f), "Supervision is regular.");
}
