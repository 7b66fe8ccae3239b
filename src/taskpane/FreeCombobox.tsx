import * as React from "react";
import { Combobox, Option } from "@fluentui/react-components";
import { foldLabel } from "../domain";

export interface FreeComboboxProps {
  value: string;
  options: readonly string[];
  onChange(value: string): void;
  placeholder?: string;
}

/**
 * A text box with suggestions: pick from the list or type something new.
 * The list narrows to the options containing what has been typed.
 *
 * One Tab stop: the arrow button is left out of the Tab order (it still opens the list by mouse, and Alt+Down or Down
 * opens it from the box), so text typed after a Tab always lands in the box and is never lost on the button.
 */
export const FreeCombobox = React.forwardRef<HTMLInputElement, FreeComboboxProps>(function FreeCombobox(
  { value, options, onChange, placeholder },
  ref,
) {
  const folded = foldLabel(value);
  const exact = options.find((o) => foldLabel(o) === folded);
  const shown = exact || folded === "" ? options : options.filter((o) => foldLabel(o).includes(folded));
  return (
    <Combobox
      ref={ref}
      freeform
      expandIcon={{ tabIndex: -1 }}
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
