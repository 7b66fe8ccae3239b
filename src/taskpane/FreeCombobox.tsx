import * as React from "react";
import { Combobox, Option } from "@fluentui/react-components";
import { foldLabel } from "../domain";

export interface FreeComboboxProps {
  value: string;
  options: readonly string[];
  onChange(value: string): void;
  placeholder?: string;
  /** The field's name, for the arrow button: "Open the Team list" (Fluent names it "Open" when the box is labelled by a Field). */
  label: string;
}

/**
 * A text box with suggestions: pick from the list or type something new.
 * The list narrows to the options containing what has been typed.
 *
 * One Tab stop: the arrow button is left out of the Tab order (it still opens the list by mouse, and Alt+Down or Down
 * opens it from the box), so text typed after a Tab always lands in the box and is never lost on the button.
 *
 * The list is open only while an option matches: Fluent's freeform Combobox opens on every key typed, with or
 * without options, and an empty list (8 px high) covered the hint under the box, the "New team" warning among them
 * (a new user's test). Its open state is therefore controlled: Fluent still asks to open or close it (onOpenChange),
 * and it opens when asked and something is there to show. `open` "use together with onOpenChange to fully control
 * the dropdown's visibility" (Fluent UI v9 Combobox, "Controlling open and close":
 * https://react.fluentui.dev/?path=/docs/components-combobox--docs#controlling-open-and-close).
 */
export const FreeCombobox = React.forwardRef<HTMLInputElement, FreeComboboxProps>(function FreeCombobox(
  { value, options, onChange, placeholder, label },
  ref,
) {
  const folded = foldLabel(value);
  const exact = options.find((o) => foldLabel(o) === folded);
  const shown = exact || folded === "" ? options : options.filter((o) => foldLabel(o).includes(folded));
  // What Fluent last asked for (on a key typed, Down, the arrow, Escape, Tab, a click outside or an option chosen).
  const [asked, setAsked] = React.useState(false);
  return (
    <Combobox
      ref={ref}
      freeform
      open={asked && shown.length > 0}
      onOpenChange={(_, data) => setAsked(data.open)}
      // Fluent closes the list on Escape and on leaving the box, but says nothing when it is already shut (for want
      // of options): forget the ask then too, so the list never opens later by itself when options come back.
      onBlur={() => setAsked(false)}
      onKeyDown={(event: React.KeyboardEvent) => {
        if (event.key === "Escape") setAsked(false);
      }}
      expandIcon={{ tabIndex: -1, "aria-label": `Open the ${label} list` }}
      value={value}
      placeholder={placeholder}
      selectedOptions={exact ? [exact] : []}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      onOptionSelect={(_, data) => {
        if (data.optionText !== undefined) onChange(data.optionText);
      }}
    >
      {shown.map((option) => (
        <Option key={option} value={option} text={option}>
          {option}
        </Option>
      ))}
    </Combobox>
  );
});
