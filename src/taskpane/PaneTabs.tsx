import * as React from "react";
import { Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";

export interface PaneTabItem<T extends string> {
  value: T;
  label: string;
}

/** Pixels kept around the tabs, inside the tab list's clip, for the keyboard focus ring. */
const FOCUS_ROOM = 3;

const useStyles = makeStyles({
  // One row at any width: the tabs that do not fit are offered in the More menu at the end of the row.
  row: {
    display: "flex",
    flexWrap: "nowrap",
    alignItems: "center",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  // As wide as the tabs it shows, so More sits right after the last one. Its padding leaves room inside the clip for
  // the focus ring Fluent draws just outside a tab (without it the ring was cut off at the top, bottom and right).
  tabs: { flexWrap: "nowrap", flexGrow: 0, flexShrink: 1, minWidth: 0, overflow: "hidden", padding: `${FOCUS_ROOM}px` },
  tab: { whiteSpace: "nowrap", flexShrink: 0 },
  more: { flexShrink: 0, whiteSpace: "nowrap", minWidth: "auto" },
});

/** Room kept for the More button before it has been measured (its text and chevron at the small size). */
const MORE_GUESS = 80;

/**
 * Which tabs fit on one row of `room` pixels, given each tab's measured width: the selected tab always, then the
 * others in order while they fit, keeping room for the More button once any tab is left out. Null when a width is
 * unknown (0, as in jsdom, where nothing is laid out): then every tab shows and there is no More button.
 */
export function tabsThatFit<T extends string>(
  tabs: readonly PaneTabItem<T>[],
  widths: ReadonlyMap<T, number>,
  room: number,
  selected: T,
  moreWidth: number,
): Set<T> | null {
  if (room <= 0 || tabs.some((t) => !((widths.get(t.value) ?? 0) > 0))) return null;
  const total = tabs.reduce((sum, t) => sum + (widths.get(t.value) ?? 0), 0);
  if (total <= room) return new Set(tabs.map((t) => t.value));
  const shown = new Set<T>([selected]);
  let used = (widths.get(selected) ?? 0) + moreWidth;
  for (const t of tabs) {
    if (shown.has(t.value)) continue;
    const w = widths.get(t.value) ?? 0;
    if (used + w > room) break;
    shown.add(t.value);
    used += w;
  }
  return shown;
}

/**
 * The pane's tabs on one row at every width (320 px and up). The tabs that do not fit go into a More menu placed
 * after the tab list, not inside it (a tablist may hold only tabs: WAI-ARIA's tablist role, "Required Owned
 * Elements: tab", https://www.w3.org/TR/wai-aria-1.2/#tablist). Widths are measured once with every tab shown and
 * kept; where nothing has a width (jsdom) every tab shows, so tests and screen readers always see them all.
 */
export function PaneTabs<T extends string>(props: { tabs: readonly PaneTabItem<T>[]; selected: T; onSelect(value: T): void; label: string }) {
  const styles = useStyles();
  const { tabs, selected, onSelect, label } = props;
  const rowRef = React.useRef<HTMLDivElement>(null);
  const widths = React.useRef(new Map<T, number>());
  const moreWidth = React.useRef(0);
  const [shown, setShown] = React.useState<Set<T> | null>(null);
  // A tab chosen from the More menu: once it is on the row (the next layout), focus goes to it, not back to More.
  const chosen = React.useRef<T | null>(null);
  React.useEffect(() => {
    const value = chosen.current;
    if (value === null || value !== selected) return;
    // After the menu has closed and given focus back to its button.
    const timer = setTimeout(() => {
      chosen.current = null;
      rowRef.current?.querySelector<HTMLElement>(`[data-td-tab="${value}"]`)?.focus();
    }, 0);
    return () => clearTimeout(timer);
  });

  const layout = React.useCallback(() => {
    const row = rowRef.current;
    if (!row) return;
    // Nothing laid out (jsdom): every tab shows, without asking for styles (slow there).
    if (row.clientWidth === 0) {
      setShown(null);
      return;
    }
    for (const t of tabs) {
      const el = row.querySelector<HTMLElement>(`[data-td-tab="${t.value}"]`);
      const w = el && el.style.display !== "none" ? el.getBoundingClientRect().width : 0;
      if (w > 0) widths.current.set(t.value, Math.ceil(w));
    }
    const more = row.querySelector<HTMLElement>("[data-td-more]");
    if (more) moreWidth.current = Math.ceil(more.getBoundingClientRect().width) || moreWidth.current;
    const style = window.getComputedStyle(row);
    const room = row.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0) - 2 * FOCUS_ROOM;
    const next = tabsThatFit(tabs, widths.current, room, selected, moreWidth.current || MORE_GUESS);
    setShown((prev) => (sameSet(prev, next) ? prev : next));
  }, [tabs, selected]);

  React.useLayoutEffect(() => {
    layout();
  });

  React.useEffect(() => {
    const row = rowRef.current;
    if (!row || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => layout());
    observer.observe(row);
    return () => observer.disconnect();
  }, [layout]);

  const hidden = shown ? tabs.filter((t) => !shown.has(t.value)) : [];
  return (
    <div className={styles.row} ref={rowRef}>
      <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as T)} aria-label={label} size="small">
        {tabs.map((t) => (
          <Tab
            key={t.value}
            className={styles.tab}
            value={t.value}
            id={`td-tab-${t.value}`}
            aria-controls={`td-panel-${t.value}`}
            data-td-tab={t.value}
            style={shown && !shown.has(t.value) ? { display: "none" } : undefined}
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
      {hidden.length > 0 && (
        <Menu checkedValues={{ tab: [selected] }}>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton appearance="transparent" size="small" className={styles.more} data-td-more="" aria-label={`More tabs: ${hidden.map((t) => t.label).join(", ")}`}>
              More
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {hidden.map((t) => (
                <MenuItemRadio key={t.value} name="tab" value={t.value} onClick={() => {
                    chosen.current = t.value;
                    onSelect(t.value);
                  }}>
                  {t.label}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </div>
  );
}

function sameSet<T>(a: Set<T> | null, b: Set<T> | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && [...a].every((x) => b.has(x));
}
