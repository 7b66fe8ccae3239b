/**
 * A simple view of the emulated workbook: formula bar, grid, sheet tabs and, for the selected cell, its details
 * (the values its dropdown allows, its colours). Typing goes into the workbook as a user's typing would in Excel.
 */
import * as React from "react";
import { columnLetters, formatRect } from "../../emulation/address";
import type { EmulatedSheet, EmulatedWorkbook } from "../../emulation/workbook";
import { displayText, editText } from "./cellText";
import { WorkbenchController, allowedValues } from "./controller";

/** Rows and columns drawn at most: enough to try things; a workbook bigger than this is still all there. */
const MAX_ROWS_SHOWN = 400;
const MAX_COLUMNS_SHOWN = 60;

/** Points to pixels, capped so that one wide column of findings does not push the grades out of sight. */
const px = (points: number) => Math.round(Math.min(points, 150) * (96 / 72));

function isEmpty(sheet: EmulatedSheet, r: number, c: number): boolean {
  const next = sheet.cellView(r, c);
  return next.value === "" && next.formula === null;
}

interface Editing {
  sheet: string;
  r: number;
  c: number;
  text: string;
}

function extent(sheet: EmulatedSheet, wb: EmulatedWorkbook): { rows: number; columns: number; usedRows: number } {
  const used = sheet.usedRect(false);
  let r1 = used ? used.r1 : -1;
  let c1 = used ? used.c1 : -1;
  for (const t of wb.tables) if (t.sheet === sheet) {
    r1 = Math.max(r1, t.rect.r1);
    c1 = Math.max(c1, t.rect.c1);
  }
  r1 = Math.max(r1, sheet.selection.r1, sheet.frozenRows - 1);
  c1 = Math.max(c1, sheet.selection.c1);
  return {
    rows: Math.min(Math.max(r1 + 1 + 12, 30), MAX_ROWS_SHOWN),
    columns: Math.min(Math.max(c1 + 1 + 3, 10), MAX_COLUMNS_SHOWN),
    usedRows: r1 + 1,
  };
}

export function SheetView({ controller, wb }: { controller: WorkbenchController; wb: EmulatedWorkbook }) {
  const sheet = wb.activeSheet ?? wb.sheetList[0];
  const [editing, setEditing] = React.useState<Editing | null>(null);
  const [refusal, setRefusal] = React.useState<{ title: string; message: string; address: string } | null>(null);
  const [obey, setObey] = React.useState(controller.obeyDropdowns);
  const gridRef = React.useRef<HTMLDivElement>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const anchor = React.useRef<{ r: number; c: number } | null>(null);
  const focusGridNext = React.useRef(false);

  const selectionKey = `${wb.activeSheet?.name}!${wb.activeSheet ? formatRect(wb.activeSheet.selection) : ""}`;
  React.useEffect(() => {
    if (!focusGridNext.current) return;
    focusGridNext.current = false;
    gridRef.current?.querySelector<HTMLElement>("td[tabindex='0']")?.focus({ preventScroll: true });
  });
  React.useEffect(() => {
    // Like Excel, the view follows the selection, whoever made it (the user or the add-in).
    gridRef.current?.querySelector<HTMLElement>("td[tabindex='0']")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectionKey]);

  if (!sheet) return <p>This workbook has no sheets.</p>;
  const { rows, columns, usedRows } = extent(sheet, wb);
  const sel = sheet.selection;
  const active = { r: sel.r0, c: sel.c0 };
  const activeAddress = `${columnLetters(active.c)}${active.r + 1}`;
  const activeView = sheet.cellView(active.r, active.c);
  const shownEdit =
    editing && editing.sheet === sheet.name && editing.r === active.r && editing.c === active.c
      ? editing.text
      : editText(activeView.value, activeView.numberFormat, activeView.formula);

  const select = (r: number, c: number, extend = false) => {
    const rr = Math.max(0, Math.min(r, 1048575));
    const cc = Math.max(0, Math.min(c, 16383));
    if (extend && anchor.current) controller.select(sheet, anchor.current.r, anchor.current.c, rr, cc);
    else {
      anchor.current = { r: rr, c: cc };
      controller.select(sheet, rr, cc);
    }
    setEditing(null);
  };

  const commit = (move: "down" | "right" | "none") => {
    if (!editing) return true;
    const result = controller.typeInto(wb.sheet(editing.sheet), editing.r, editing.c, editing.text, obey);
    if (!result.ok) {
      setRefusal({ ...result, address: `${columnLetters(editing.c)}${editing.r + 1}` });
      return false;
    }
    setRefusal(null);
    setEditing(null);
    if (move === "down") select(editing.r + 1, editing.c);
    if (move === "right") select(editing.r, editing.c + 1);
    focusGridNext.current = true;
    return true;
  };

  const startEditing = (text: string) => {
    setEditing({ sheet: sheet.name, r: active.r, c: active.c, text });
    // Focus now, so the next key typed already goes to the formula bar; the caret goes to the end once it shows the text.
    inputRef.current?.focus();
    setTimeout(() => {
      const input = inputRef.current;
      if (input && document.activeElement === input) input.setSelectionRange(input.value.length, input.value.length);
    }, 0);
  };

  const onGridKey = (event: React.KeyboardEvent) => {
    const shift = event.shiftKey;
    const moveTo = (r: number, c: number) => {
      event.preventDefault();
      focusGridNext.current = true;
      if (shift) select(r, c, true);
      else select(r, c);
    };
    const edge = shift && anchor.current ? { r: sel.r0 === anchor.current.r ? sel.r1 : sel.r0, c: sel.c0 === anchor.current.c ? sel.c1 : sel.c0 } : active;
    switch (event.key) {
      case "ArrowDown":
        return moveTo(edge.r + 1, edge.c);
      case "ArrowUp":
        return moveTo(edge.r - 1, edge.c);
      case "ArrowRight":
        return moveTo(edge.r, edge.c + 1);
      case "ArrowLeft":
        return moveTo(edge.r, edge.c - 1);
      case "Tab":
        event.preventDefault();
        focusGridNext.current = true;
        return select(active.r, active.c + (shift ? -1 : 1));
      case "Enter":
        event.preventDefault();
        focusGridNext.current = true;
        return select(active.r + (shift ? -1 : 1), active.c);
      case "F2":
        event.preventDefault();
        return startEditing(editText(activeView.value, activeView.numberFormat, activeView.formula));
      case "Delete":
      case "Backspace":
        event.preventDefault();
        for (let r = sel.r0; r <= Math.min(sel.r1, sel.r0 + 10000); r++) for (let c = sel.c0; c <= sel.c1; c++) controller.typeInto(sheet, r, c, "", false);
        if (event.key === "Backspace") startEditing("");
        return;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          startEditing(event.key);
        }
    }
  };

  const validation = sheet.validationAt(activeAddress);
  const allowed = validation ? allowedValues(wb, sheet, validation, activeAddress) : null;
  const table = wb.tables.find((t) => t.sheet === sheet && active.r >= t.rect.r0 && active.r <= t.rect.r1 && active.c >= t.rect.c0 && active.c <= t.rect.c1);
  const shownFill = sheet.fillAt(activeAddress);
  const rule = sheet.conditionalFormatsAt(activeAddress)[0];

  const header: React.ReactNode[] = [];
  const body: React.ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: React.ReactNode[] = [
      <th key="n" scope="row" className={r >= sel.r0 && r <= sel.r1 ? "rowhead on" : "rowhead"}>
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < columns; c++) {
      const address = `${columnLetters(c)}${r + 1}`;
      const view = sheet.cellView(r, c);
      const fill = sheet.fillAt(address);
      const colour = sheet.fontColorAt(address);
      const inSelection = r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1;
      const isActive = r === active.r && c === active.c;
      const v = sheet.validationAt(address);
      const t = wb.tables.find((x) => x.sheet === sheet && r >= x.rect.r0 && r <= x.rect.r1 && c >= x.rect.c0 && c <= x.rect.c1);
      const text = displayText(view.value, view.numberFormat, view.formula);
      // Text runs on over empty cells to its right, as in Excel (numbers and wrapped text do not).
      const spills = typeof view.value === "string" && text !== "" && !view.wrap && c + 1 < columns && isEmpty(sheet, r, c + 1);
      const classes = [
        spills ? "spill" : "",
        inSelection ? "selected" : "",
        isActive ? "active" : "",
        t ? (r === t.rect.r0 ? "table-header" : (r - t.rect.r0) % 2 === 0 ? "table-band" : "table-body") : "",
        v ? "validated" : "",
        typeof view.value === "number" ? "number" : "",
      ].filter(Boolean);
      const style: React.CSSProperties = {};
      if (fill) style.backgroundColor = fill;
      if (colour && colour.toUpperCase() !== "#000000") style.color = colour;
      if (view.bold) style.fontWeight = 700;
      if (view.italic) style.fontStyle = "italic";
      if (view.wrap) style.whiteSpace = "pre-wrap";
      if (view.horizontalAlignment === "Center") style.textAlign = "center";
      if (view.horizontalAlignment === "Right") style.textAlign = "right";
      if (view.horizontalAlignment === "Left") style.textAlign = "left";
      if (view.verticalAlignment === "Top") style.verticalAlign = "top";
      if (Object.keys(view.borders).length > 0) style.border = "1px solid #8a8a8a";
      cells.push(
        <td
          key={c}
          className={classes.join(" ")}
          style={style}
          data-address={address}
          aria-selected={inSelection}
          tabIndex={isActive ? 0 : -1}
          title={v ? `${address}: dropdown (${v.rule.list?.source ?? "validation"})` : undefined}
          onMouseDown={(event) => {
            event.preventDefault();
            if (editing && !commit("none")) return;
            (event.currentTarget as HTMLElement).focus({ preventScroll: true });
            focusGridNext.current = true;
            select(r, c, event.shiftKey);
          }}
          onDoubleClick={() => startEditing(editText(view.value, view.numberFormat, view.formula))}
        >
          {text}
        </td>,
      );
    }
    const row = (
      <tr key={r} className={r < sheet.frozenRows ? "frozen" : undefined}>
        {cells}
      </tr>
    );
    (r < sheet.frozenRows ? header : body).push(row);
  }

  const widths: React.ReactNode[] = [<col key="n" style={{ width: 44 }} />];
  let tableWidth = 44;
  for (let c = 0; c < columns; c++) {
    const w = px(sheet.columnWidth(columnLetters(c)));
    tableWidth += w;
    widths.push(<col key={c} style={{ width: w }} />);
  }

  return (
    <div className="sheet-area">
      <div className="formula-bar">
        <output className="name-box" aria-label="Selected cell">
          {formatRect(sel)}
        </output>
        <label className="visually-hidden" htmlFor="wb-formula">
          {`Contents of cell ${activeAddress}`}
        </label>
        <input
          id="wb-formula"
          ref={inputRef}
          className="formula-input"
          value={shownEdit}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setEditing({ sheet: sheet.name, r: active.r, c: active.c, text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              if (!editing) {
                focusGridNext.current = true;
                select(active.r + 1, active.c);
              } else commit(event.shiftKey ? "none" : "down");
            } else if (event.key === "Tab") {
              event.preventDefault();
              if (!editing) select(active.r, active.c + 1);
              else commit("right");
              focusGridNext.current = true;
            } else if (event.key === "Escape") {
              event.preventDefault();
              setEditing(null);
              setRefusal(null);
              focusGridNext.current = true;
              select(active.r, active.c);
            }
          }}
        />
        <label className="obey">
          <input
            type="checkbox"
            checked={obey}
            onChange={(event) => {
              controller.obeyDropdowns = event.target.checked;
              setObey(event.target.checked);
            }}
          />
          Typing obeys dropdowns (untick to type as if pasting)
        </label>
      </div>
      <section className="details" aria-label={`Cell ${activeAddress}`}>
        <span className="fact" data-testid="cell-value">
          <strong>{activeAddress}</strong>{" "}
          {activeView.formula
            ? `formula ${activeView.formula} (not calculated here: ${String(activeView.value)})`
            : activeView.value === ""
              ? "empty"
              : `${typeof activeView.value === "number" ? "number" : typeof activeView.value === "boolean" ? "logical" : "text"} “${String(activeView.value)}”`}
        </span>
        {activeView.numberFormat !== "General" && <span className="fact">{`format ${activeView.numberFormat}`}</span>}
        {shownFill && (
          <span className="fact">
            <span className="swatch" style={{ backgroundColor: shownFill }} />
            {` fill ${shownFill}${rule && rule.fill === shownFill ? " (colour rule)" : ""}`}
          </span>
        )}
        {table && <span className="fact">{`table ${table.name} (${formatRect(table.rect)})`}</span>}
        {validation && (
          <span className="fact dropdown">
            {`dropdown from ${validation.rule.list?.source ?? "a rule this view does not show"}`}
            {validation.errorAlert.showAlert ? `, ${validation.errorAlert.style.toLowerCase()} alert "${validation.errorAlert.title}"` : ""}
            {allowed && allowed.length > 0 ? ":" : " (the list it points at is empty)"}
          </span>
        )}
        {validation && allowed && allowed.length > 0 && (
          <ul className="allowed" aria-label={`Values allowed in ${activeAddress}; choose one to put it in the cell`} data-testid="allowed-values">
            {allowed.map((a, i) => (
              <li key={`${a}-${i}`}>
                <button
                  type="button"
                  onClick={() => {
                    const result = controller.typeInto(sheet, active.r, active.c, `'${a}`, false);
                    if (result.ok) setRefusal(null);
                  }}
                >
                  {a}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {refusal && (
        <div className="refusal" role="alert">
          <strong>{refusal.title}</strong> {refusal.message}{" "}
          <span className="hint">
            ({refusal.address}: Excel refuses this typed value. Press Escape to cancel, or untick &ldquo;Typing obeys dropdowns&rdquo; to put it in as a paste would.)
          </span>
        </div>
      )}
      <div className="grid-and-details">
        <div className="grid-scroll" ref={gridRef}>
          <table className="grid" style={{ width: tableWidth }} role="grid" aria-label={`Cells of sheet ${sheet.name}`} aria-rowcount={usedRows} onKeyDown={onGridKey}>
            <colgroup>{widths}</colgroup>
            <thead>
              <tr className="letters">
                <td className="corner" />
                {Array.from({ length: columns }, (_, c) => (
                  <th key={c} scope="col" className={c >= sel.c0 && c <= sel.c1 ? "colhead on" : "colhead"}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
              {header}
            </thead>
            <tbody>{body}</tbody>
          </table>
          {usedRows > rows && <p className="more">{`Rows ${rows + 1} to ${usedRows} are not drawn here; they are in the workbook.`}</p>}
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Sheets">
        {wb.sheetList.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s === sheet}
            className={s.visibility !== "Visible" ? "hidden-sheet" : undefined}
            onClick={() => {
              setEditing(null);
              setRefusal(null);
              controller.activateSheet(s);
            }}
          >
            {s.name}
            {s.visibility !== "Visible" ? " (hidden)" : ""}
          </button>
        ))}
      </div>
    </div>
  );
}
