/** workbench.js: the page around the task pane. See ../host.ts for the pane's side. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { WorkbenchController } from "./controller";
import { Workbench } from "./Workbench";

const controller = new WorkbenchController();
// Before the pane's frame exists: workbench-host.js looks for it as soon as the pane's page starts.
window.__workbenchParent = controller;
window.workbench = controller.api();

const container = document.getElementById("workbench");
if (container) createRoot(container).render(<Workbench controller={controller} />);
