/**
 * npm run workbench [-- --production] [--port 8080] [--no-build] [--size]
 *
 * Builds the task pane with the in-memory Excel emulation as its host and serves it, with a view of the emulated
 * workbook, on http://127.0.0.1:<port>/ (default 3100). For trying the add-in and testing it, not a replacement for Excel.
 *   --production   minified build, as deployed (slower to build)
 *   --port N       port to listen on (0 picks a free one)
 *   --no-build     serve the last build again
 *   --size         print the pane's initial JavaScript size, gzipped (best with --production), and exit
 */
import * as path from "node:path";
import { BuildMode, REPO_ROOT, buildWorkbench } from "../test/workbench/build";
import { describePaneSize, paneSize } from "../test/workbench/paneSize";
import { serveWorkbench } from "../test/workbench/server";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode: BuildMode = args.includes("--production") ? "production" : "development";
  const outDir = path.join(REPO_ROOT, ".tmp", "workbench");
  if (!args.includes("--no-build")) {
    console.log(`Building the task pane and the workbench (${mode})…`);
    const built = await buildWorkbench({ mode, outDir });
    console.log(`Built in ${built.seconds.toFixed(1)} s into ${path.relative(REPO_ROOT, outDir)}/`);
  }
  if (args.includes("--size")) {
    for (const line of describePaneSize(await paneSize(outDir))) console.log(line);
    if (mode !== "production") console.log("(development build: add --production for the size as deployed)");
    return;
  }
  const port = Number(option("--port") ?? process.env.WORKBENCH_PORT ?? 3100);
  const verbose = args.includes("--verbose");
  const server = await serveWorkbench({ root: outDir, port, log: verbose ? (line) => console.log(line) : undefined });
  console.log("");
  console.log(`Team Diagnostics workbench: ${server.url}`);
  console.log("The real task pane beside an emulated workbook, for trying and testing the add-in; it is not Excel.");
  console.log("Press Ctrl+C to stop.");
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
