import * as React from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { WorkbookPort } from "../workbook/port";
import { CheckPanel } from "./CheckPanel";
import { PaneHost } from "./host";
import { PaneContext, usePaneState } from "./paneContext";
import { PaneTabs } from "./PaneTabs";
import { SET_UP_BUTTON_ID, SettingsPanel } from "./SettingsPanel";
import { SummaryPanel } from "./SummaryPanel";
import { VisitPanel } from "./VisitPanel";
import { ProgrammePanel } from "./ProgrammePanel";
import { ActionsPanel } from "./ActionsPanel";

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  status: { padding: `0 ${tokens.spacingHorizontalM}`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  panel: { padding: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalXXL },
});

export type PaneTab = "visit" | "check" | "summary" | "setup" | "programme" | "actions";

const TABS: { value: PaneTab; label: string }[] = [
  { value: "visit", label: "Record visit" },
  { value: "check", label: "Check sheet" },
  { value: "summary", label: "Summary" },
  { value: "setup", label: "Set up" },
  { value: "programme", label: "Programme" },
  { value: "actions", label: "Actions" },
];

export interface AppProps {
  port: WorkbookPort;
  host: PaneHost;
  initialTab?: PaneTab;
}

export function App({ port, host, initialTab = "visit" }: AppProps) {
  const styles = useStyles();
  const { value, message } = usePaneState(port, host);
  const [tab, setTab] = React.useState<PaneTab>(initialTab);
  // A control to focus once its tab shows (its panel is hidden until the render after the tab is chosen).
  const focusNext = React.useRef<string | null>(null);
  React.useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });

  return (
    <FluentProvider theme={webLightTheme} lang="en-GB">
      <PaneContext.Provider value={value}>
        <main className={styles.root}>
          <header className={styles.header}>
            <h1 className={styles.title}>Team Diagnostics</h1>
          </header>
          <PaneTabs
            tabs={TABS}
            selected={tab}
            onSelect={(next) => {
              setTab(next);
              value.notify(null);
            }}
            label="Team Diagnostics"
          />
          <div className={styles.status}>
            {value.busy && <Spinner size="tiny" label={`${value.busy}…`} role="status" />}
            {message && (
              <MessageBar key={message.id} intent={message.intent} role={message.intent === "error" ? "alert" : "status"} layout="multiline">
                <MessageBarBody>
                  {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
                  {message.text}
                </MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" size="small" aria-label="Dismiss message" onClick={() => value.notify(null)}>
                      ×
                    </Button>
                  }
                />
              </MessageBar>
            )}
          </div>
          {/* Every panel stays mounted, so a half-filled form survives a look at another tab. */}
          {TABS.map((t) => (
            <div
              key={t.value}
              className={styles.panel}
              role="tabpanel"
              id={`td-panel-${t.value}`}
              aria-labelledby={`td-tab-${t.value}`}
              hidden={tab !== t.value}
            >
              {t.value === "visit" && (
                <VisitPanel
                  onOpenSetup={() => {
                    focusNext.current = SET_UP_BUTTON_ID;
                    setTab("setup");
                    value.notify(null);
                  }}
                />
              )}
              {t.value === "check" && <CheckPanel />}
              {t.value === "summary" && <SummaryPanel />}
              {t.value === "setup" && <SettingsPanel />}
              {t.value === "programme" && <ProgrammePanel />}
              {t.value === "actions" && <ActionsPanel />}
            </div>
          ))}
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
