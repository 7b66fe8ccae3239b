import * as React from "react";
import { Checkbox, Text, useArrowNavigationGroup } from "@fluentui/react-components";
import { Theme, VisitThemeNames, foldLabel } from "../domain";
import { ThemeSide } from "./themeSuggestions";
import { useVisitStyles } from "./visitStyles";

const SIDES: { side: ThemeSide; legend: string }[] = [
  { side: "strengths", legend: "Themes raised as strengths" },
  { side: "areasForImprovement", legend: "Themes raised as areas for improvement" },
];

/**
 * The visit's recurring themes (issue 12): a group of labelled checkboxes for each side, ticked from the strengths
 * and areas for improvement as they are typed (themeSuggestions.ts) until the reviewer ticks or unticks a theme
 * themselves. Saved in the Themes (strengths) and Themes (areas for improvement) columns. Only theme names are
 * shown; nothing of the text.
 */
export const ThemePicker = React.memo(function ThemePicker({
  themes,
  value,
  onToggle,
}: {
  themes: readonly Theme[];
  value: VisitThemeNames | undefined;
  onToggle: (side: ThemeSide, name: string, checked: boolean) => void;
}) {
  const styles = useVisitStyles();
  // Each side's list is one Tab stop, its themes reached with the arrow keys (Fluent's tabster mover; Tab goes on to
  // the next field): with 10 themes a side, Tab used to stop 20 times between the findings and Recommendations.
  // (tabbable: false by default, "Allow tabbing within the arrow navigation group items": @fluentui/react-tabster,
  // https://npmjs.com/package/@fluentui/react-tabster)
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const keysHint = React.useId();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Themes</legend>
      <Text size={200}>
        Ticked from the strengths and areas for improvement as you type: untick any that do not fit, tick any missed. Saved in the sheet&apos;s
        Themes columns, which Set up adds.
      </Text>
      <Text size={200} id={keysHint}>
        By keyboard: Tab reaches each list once; the arrow keys move between its themes and Space ticks one.
      </Text>
      {SIDES.map(({ side, legend }) => {
        const ticked = value?.[side] ?? [];
        const isTicked = new Set(ticked.map(foldLabel));
        // Names on the visit that are not on the list (typed in the sheet) are shown too, so saving keeps or drops them knowingly.
        const extra = ticked.filter((n) => !themes.some((t) => foldLabel(t.name) === foldLabel(n)));
        return (
          <fieldset key={side} className={styles.fieldset} aria-describedby={keysHint}>
            <legend className={styles.legend}>{legend}</legend>
            <div role="presentation" {...arrows}>
              {[...themes.map((t) => t.name), ...extra].map((name) => (
                <div key={name}>
                  <Checkbox
                    label={extra.includes(name) ? `${name} (not on the list)` : name}
                    checked={isTicked.has(foldLabel(name))}
                    onChange={(_, data) => onToggle(side, name, data.checked === true)}
                  />
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
});
