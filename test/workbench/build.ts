/**
 * Builds the workbench: the project's own webpack configuration (webpack.config.js, unchanged, so the task pane is
 * built exactly as for Excel) plus two entries of its own:
 *   - workbench-host.js: the in-memory Excel emulation, installed as the Excel and Office globals of the pane's page
 *     in place of office.js (see server.ts);
 *   - workbench.html / workbench.js: the page around the pane, with a view of the emulated workbook.
 * The output goes to its own folder (never dist/), so nothing of the workbench can be deployed by accident.
 */
import * as path from "node:path";
import { promises as fs } from "node:fs";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export type BuildMode = "development" | "production";

export interface BuildResult {
  outDir: string;
  mode: BuildMode;
  seconds: number;
  /** Emitted file names, relative to outDir. */
  assets: string[];
  warnings: string[];
}

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
type WebpackConfig = any;

/** The project's webpack configuration with the workbench's entries added. */
export async function workbenchConfig(mode: BuildMode, outDir: string): Promise<WebpackConfig> {
  const makeConfig = require(path.join(REPO_ROOT, "webpack.config.js"));
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const config: WebpackConfig = await makeConfig({}, { mode });
  config.mode = mode;
  config.context = REPO_ROOT;
  config.output = { ...config.output, path: outDir, clean: true };
  config.entry = {
    ...config.entry,
    // A fixed name: the server writes it into taskpane.html in place of office.js.
    "workbench-host": { import: "./test/workbench/host.ts", filename: "workbench-host.js" },
    workbench: "./test/workbench/page/index.tsx",
  };
  config.plugins = [
    ...config.plugins,
    new HtmlWebpackPlugin({
      filename: "workbench.html",
      template: "./test/workbench/page/workbench.html",
      chunks: ["workbench"],
    }),
  ];
  return config;
}

/** Runs webpack; rejects with webpack's own error text when the build fails. */
export async function buildWorkbench(options: { mode?: BuildMode; outDir?: string } = {}): Promise<BuildResult> {
  const mode = options.mode ?? "development";
  const outDir = path.resolve(options.outDir ?? path.join(REPO_ROOT, ".tmp", "workbench"));
  const webpack = require("webpack");
  const config = await workbenchConfig(mode, outDir);
  const started = Date.now();
  const stats: any = await new Promise((resolve, reject) => {
    webpack(config, (error: Error | null, result: any) => (error ? reject(error) : resolve(result)));
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true, assets: true });
  if (stats.hasErrors()) {
    const text = info.errors.map((e: any) => (typeof e === "string" ? e : `${e.moduleName ?? ""} ${e.message}`)).join("\n\n");
    throw new Error(`The workbench build failed:\n${text}`);
  }
  await fs.access(path.join(outDir, "taskpane.html"));
  return {
    outDir,
    mode,
    seconds: (Date.now() - started) / 1000,
    assets: (info.assets ?? []).map((a: any) => a.name as string),
    warnings: (info.warnings ?? []).map((w: any) => (typeof w === "string" ? w : w.message)),
  };
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
