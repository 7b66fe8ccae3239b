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
