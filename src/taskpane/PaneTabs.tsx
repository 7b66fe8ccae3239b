import * as React from "react";
import {
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";

export interface PaneTabItem<T extends string> {
  value: T;
  label: string;
}

const useStyles = makeStyles({
  // One row at any width: the tabs that do not fit go into the More menu rather than onto a second row.
  tabs: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    flexWrap: "nowrap",
    overflow: "hidden",
    minWidth: 0,
  },
  tab: { whiteSpace: "nowrap", flexShrink: 0 },
  more: { flexShrink: 0, whiteSpace: "nowrap" },
});

function MoreItem<T extends string>({ tab, selected, onSelect }: { tab: PaneTabItem<T>; selected: boolean; onSelect(value: T): void }) {
  const visible = useIsOverflowItemVisible(tab.value);
  if (visible) return null;
  return (
    <MenuItemRadio name="tab" value={tab.value} onClick={() => onSelect(tab.value)} aria-checked={selected}>
      {tab.label}
    </MenuItemRadio>
  );
}

function MoreMenu<T extends string>({ tabs, selected, onSelect }: { tabs: readonly PaneTabItem<T>[]; selected: T; onSelect(value: T): void }) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu checkedValues={{ tab: [selected] }}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={ref} appearance="transparent" size="small" className={styles.more} aria-label={`More tabs (${overflowCount})`}>
          More
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((t) => (
            <MoreItem key={t.value} tab={t} selected={t.value === selected} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * The pane's tabs on one row at every width (320 px and up): the selected tab always shows, and the tabs that do not
 * fit are offered in a More menu at the end of the row (Fluent UI's Overflow, the "TabList with overflow" pattern:
 * https://react.fluentui.dev/?path=/docs/components-tablist--docs). Takes any number of tabs.
 */
export function PaneTabs<T extends string>(props: { tabs: readonly PaneTabItem<T>[]; selected: T; onSelect(value: T): void; label: string }) {
  const styles = useStyles();
  const { tabs, selected, onSelect, label } = props;
  return (
    <Overflow minimumVisible={1}>
      <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as T)} aria-label={label} size="small">
        {tabs.map((t) => (
          <OverflowItem key={t.value} id={t.value} priority={t.value === selected ? 2 : 1}>
            <Tab className={styles.tab} value={t.value} id={`td-tab-${t.value}`} aria-controls={`td-panel-${t.value}`}>
              {t.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreMenu tabs={tabs} selected={selected} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
