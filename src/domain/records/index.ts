export * from "./kind";
export * from "./visitRecord";
export * from "./actionRecord";
export * from "./changeLogRecord";
export * from "./visitThemes";
