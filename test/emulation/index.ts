/** In-memory Excel for tests and the workbench: see workbook.ts (the model) and proxies.ts (the API subset). */
export * from "./address";
export * from "./workbook";
export * from "./proxies";
export * from "./install";
