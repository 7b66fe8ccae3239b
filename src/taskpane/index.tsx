import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../adapters/officejs/officeWorkbook";
import { App } from "./App";
import { officeHost } from "./officeHost";

/* global document, Office */

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App port={new OfficeWorkbook()} host={officeHost} />);
});
