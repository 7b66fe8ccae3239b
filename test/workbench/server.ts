/**
 * The workbench's web server: a few lines of Node's own http module, bound to 127.0.0.1, serving one build folder.
 * No dependencies, no proxying, nothing fetched from anywhere else.
 *
 * One file is changed on the way out, and only in memory: taskpane.html, the very page Excel loads. Its
 * <script src="https://appsforoffice.microsoft.com/…/office.js"> tag is swapped for <script src="workbench-host.js">,
 * which installs the in-memory Excel emulation as the page's Excel and Office globals. Everything else in the page,
 * and the pane's JavaScript, is served byte for byte as built. (Why here rather than a second HTML template: the pane
 * page cannot drift from the real one, and if the office.js tag ever changes shape the server says so instead of
 * quietly serving a page that would reach the internet.)
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { promises as fs } from "node:fs";
import * as path from "node:path";

export const HOST_SCRIPT = "workbench-host.js";
export const PANE_PAGE = "taskpane.html";
export const WORKBENCH_PAGE = "workbench.html";

/** Every <script> tag that loads office.js from Microsoft's CDN (any version, debug or not). */
const OFFICE_JS_TAG =
  /<script\b[^>]*\bsrc\s*=\s*(?:"https:\/\/appsforoffice\.microsoft\.com\/[^"]*"|'https:\/\/appsforoffice\.microsoft\.com\/[^']*'|https:\/\/appsforoffice\.microsoft\.com\/[^\s>]*)[^>]*>\s*<\/script>/gi;

/** taskpane.html with office.js replaced by the workbench host. Throws when the page has no office.js tag. */
export function workbenchPanePage(html: string): string {
  let found = 0;
  const swapped = html.replace(OFFICE_JS_TAG, () => {
    found++;
    return found === 1 ? `<script src="${HOST_SCRIPT}"></script>` : "";
  });
  if (found === 0) {
    throw new Error(`${PANE_PAGE} has no office.js <script> tag from appsforoffice.microsoft.com to replace with ${HOST_SCRIPT}.`);
  }
  return swapped;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface WorkbenchServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The build folder (webpack's output path). */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /** Called for each request, for logging. */
  log?: (line: string) => void;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    // The build changes under a running workbench when it is rebuilt; never serve a stale pane.
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

/** Largest .xlsx or workbook JSON the server accepts. */
const MAX_BODY = 64 * 1024 * 1024;

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("The file is larger than the workbench accepts (64 MB).");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** POST /api/open-xlsx (the file's bytes → the workbook as JSON) and POST /api/save-xlsx (JSON → .xlsx), via the file adapter. */
async function api(name: string, req: IncomingMessage, res: ServerResponse): Promise<number> {
  // Only pages served from here may call it (a page elsewhere cannot send this header without a preflight we refuse).
  if (req.headers["x-workbench"] !== "1") {
    send(res, 403, "Workbench pages only.\n");
    return 403;
  }
  const bridge = await import("./xlsxBridge");
  try {
    if (name === "/api/open-xlsx") {
      const book = await bridge.bookFromXlsx(await body(req));
      send(res, 200, JSON.stringify(book), TYPES[".json"]);
      return 200;
    }
    if (name === "/api/save-xlsx") {
      const bytes = await bridge.xlsxFromBook(JSON.parse((await body(req)).toString("utf8")));
      send(res, 200, Buffer.from(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      return 200;
    }
  } catch (error) {
    send(res, 422, `${(error as Error).message}\n`);
    return 422;
  }
  send(res, 404, "No such workbench call.\n");
  return 404;
}

async function handle(root: string, port: number, req: IncomingMessage, res: ServerResponse): Promise<number> {
  // Only this machine's own names: a page elsewhere that rebinds its DNS name to 127.0.0.1 gets nothing.
  const host = (req.headers.host ?? "").toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    send(res, 421, "Use http://127.0.0.1 or http://localhost.\n");
    return 421;
  }
  if (req.method === "POST" && req.url?.startsWith("/api/")) return api(new URL(req.url, "http://127.0.0.1").pathname, req, res);
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "Only GET and HEAD.\n");
    return 405;
  }
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  let name: string;
  try {
    name = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, "Bad path.\n");
    return 400;
  }
  if (name === "/" || name === "") name = `/${WORKBENCH_PAGE}`;
  const file = path.resolve(root, "." + path.posix.normalize(name));
  if (file !== root && !file.startsWith(root + path.sep)) {
    send(res, 403, "Outside the build folder.\n");
    return 403;
  }
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    send(res, 404, `Not found: ${name}\n`);
    return 404;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  if (path.relative(root, file) === PANE_PAGE) {
    try {
      send(res, 200, workbenchPanePage(body.toString("utf8")), type);
      return 200;
    } catch (error) {
      send(res, 500, `${(error as Error).message}\n`);
      return 500;
    }
  }
  send(res, 200, req.method === "HEAD" ? Buffer.alloc(0) : body, type);
  return 200;
}

/** Serves the build folder on http://127.0.0.1:<port>/ until close() is called. */
export async function serveWorkbench(options: ServeOptions): Promise<WorkbenchServer> {
  const root = path.resolve(options.root);
  let port = 0;
  const server: Server = createServer((req, res) => {
    handle(root, port, req, res)
      .then((status) => options.log?.(`${status} ${req.method} ${req.url}`))
      .catch((error) => {
        options.log?.(`500 ${req.method} ${req.url}: ${(error as Error).message}`);
        if (!res.headersSent) send(res, 500, "Server error.\n");
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
