import * as React from "react";
import type { BookData } from "../bookData";
import { SheetView } from "./SheetView";
import { WorkbenchController } from "./controller";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function saveBytes(name: string, bytes: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const time = (d: Date) => d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function Workbench({ controller }: { controller: WorkbenchController }) {
  const [, setVersion] = React.useState(0);
  const [status, setStatus] = React.useState<string>("Starting the task pane…");
  const [busy, setBusy] = React.useState(false);
  const fileRef = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => controller.subscribe(() => setVersion((v) => v + 1)), [controller]);

  const wb = controller.workbook();

  const open = async (file: File) => {
    setBusy(true);
    setStatus(`Opening ${file.name}…`);
    try {
      const response = await fetch("api/open-xlsx", { method: "POST", headers: { "X-Workbench": "1" }, body: await file.arrayBuffer() });
      const text = await response.text();
      if (!response.ok) throw new Error(text.trim());
      await controller.reloadPane(text);
      const book = JSON.parse(text) as BookData;
      setStatus(`Opened ${file.name} (${book.sheets.length} sheets). The pane has started again on it, as Excel starts an add-in in a new window.`);
    } catch (error) {
      setStatus(`Could not open ${file.name}: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    const host = controller.host();
    if (!host) return;
    setBusy(true);
    setStatus("Writing the workbook as .xlsx…");
    try {
      const response = await fetch("api/save-xlsx", {
        method: "POST",
        headers: { "X-Workbench": "1", "Content-Type": "application/json" },
        body: host.bookJson(),
      });
      if (!response.ok) throw new Error((await response.text()).trim());
      saveBytes("Workbench workbook.xlsx", await response.arrayBuffer(), XLSX_MIME);
      setStatus("Downloaded Workbench workbook.xlsx (written by the file adapter; charts are left out).");
    } catch (error) {
      setStatus(`Could not write the workbook: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="workbench">
      <header className="toolbar">
        <h1>Team Diagnostics workbench</h1>
        <p className="notice">
          The real task pane on an in-memory imitation of Excel, for trying and testing the add-in. It is not Excel: formulas are not calculated,
          and only what the add-in uses is imitated.
        </p>
        <div className="actions">
          <input
            ref={fileRef}
            id="wb-open"
            className="visually-hidden"
            type="file"
            aria-label="Workbook file to open"
            tabIndex={-1}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void open(file);
            }}
          />
          <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
            Open .xlsx
          </button>
          <button type="button" disabled={busy || !wb} onClick={() => void download()}>
            Download .xlsx
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (window.confirm("Start again with a new, empty workbook? The current one is lost unless you download it first.")) {
                void controller.reloadPane(null).then(() => setStatus("A new, empty workbook."));
              }
            }}
          >
            New workbook
          </button>
          <button type="button" disabled={busy} onClick={() => void controller.reloadPane("keep").then(() => setStatus("The pane started again on the same workbook."))}>
            Reload pane
          </button>
          <span className="status" role="status">
            {status}
          </span>
        </div>
        {controller.created.length > 0 && (
          <div className="created">
            <span>Workbooks the pane opened (Excel.createWorkbook):</span>
            <ul>
              {controller.created.map((c, i) => (
                <li key={i}>
                  <button type="button" onClick={() => saveBytes(`Summary workbook ${i + 1}.xlsx`, base64ToBytes(c.base64) as BlobPart, XLSX_MIME)}>
                    {`Download summary workbook ${i + 1} (${time(c.at)})`}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </header>
      <main className="body">
        <section className="sheet-side" aria-label="Emulated workbook">
          {wb ? <SheetView controller={controller} wb={wb} /> : <p className="loading">Waiting for the task pane…</p>}
        </section>
        <section className="pane-side" aria-label="Task pane">
          <div className="pane-title">Team Diagnostics (task pane)</div>
          <iframe
            ref={(frame) => controller.attach(frame)}
            className="pane"
            name="pane"
            title="Team Diagnostics task pane"
            src="taskpane.html"
            onLoad={() => {
              controller.paneLoaded();
              setStatus((s) => (s === "Starting the task pane…" ? "Ready. Start with Set up in the pane." : s));
            }}
          />
        </section>
      </main>
    </div>
  );
}
