/**
 * What Fluent UI v9 needs from a browser that jsdom lacks. Imported first by every pane test
 * (the Jest configuration is shared, so this is not a global setup file).
 */
import { TextDecoder, TextEncoder } from "node:util";
import "@testing-library/jest-dom";

// @fluentui/react-context-selector needs the peer dependency "scheduler", which npm installed only under
// react-dom. Until package.json lists it, hand Fluent react-dom's own copy (the version React uses).
let schedulerMissing = false;
try {
  require.resolve("scheduler");
} catch {
  schedulerMissing = true;
}
if (schedulerMissing) {
  jest.mock("scheduler", () => jest.requireActual("../../node_modules/react-dom/node_modules/scheduler"), { virtual: true });
}

const g = globalThis as Record<string, unknown>;

if (typeof g.ResizeObserver === "undefined") {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

if (typeof window !== "undefined" && typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof Element !== "undefined" && typeof Element.prototype.scrollIntoView !== "function") {
  Element.prototype.scrollIntoView = () => {};
}

if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;

// Fluent re-renders the whole form on each keystroke; jsdom on a small machine needs more than 5 s.
jest.setTimeout(30_000);
