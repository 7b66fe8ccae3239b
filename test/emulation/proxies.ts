/**
 * Proxy objects of the Excel JavaScript API, over an EmulatedWorkbook, for exactly the subset the
 * Office.js adapter uses. They behave like Office.js proxies:
 *  - setting a property or calling a method only queues an action; actions run, in order, at sync();
 *  - a scalar property (values, address, name, items, isNullObject, …) can be read only after it was
 *    load()ed and a sync() completed (or after the code set it), else PropertyNotLoaded is thrown
 *    with Office.js's own message; properties of a null object read as undefined, as in Office.js;
 *  - objects returned by methods are resolved when first used by an action in a batch, and keep
 *    that resolution (a range from getUsedRange() is fixed once the batch reaches it);
 *  - every sync() that carries actions is one round trip: it is counted, its request's JSON size is
 *    recorded, and a request or response over 5 MB fails like Excel on the web;
 *  - a member newer than the emulated host's ExcelApi version throws ApiNotFound, like Office.js.
 * Each proxy class `implements Mirrors<Excel.X, …>`, so its member names and parameter types are
 * checked against @types/office-js.
 */

export * from "./base";
export * from "./context";
export * from "./worksheets";
export * from "./ranges";
export * from "./rangeFormat";
export * from "./validation";
export * from "./conditionalFormats";
export * from "./tables";
export * from "./names";
export * from "./charts";
export * from "./functions";
