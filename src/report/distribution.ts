// Moved to src/presentation/distribution.ts (both the sheets and the reports draw on it); kept for old imports.
export * from "../presentation/distribution";
