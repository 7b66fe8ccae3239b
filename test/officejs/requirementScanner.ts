/**
 * Finds every use of the Excel JavaScript API in TypeScript sources and the requirement set each needs,
 * with the TypeScript type checker: a property access, call, load("…") path or object-literal property is
 * resolved to its declaration in @types/office-js, whose JSDoc carries "[Api set: ExcelApi 1.x]".
 * Resolving through types (not names) means Range.getUsedRange (1.1) and a same-named member of a newer
 * class are told apart, and a use hidden behind a variable is still found.
 *
 * Guard convention: a member newer than the manifest's minimum may be used only inside a function whose
 * name ends in "IfSupported" and which calls Office.context.requirements.isSetSupported("ExcelApi", "x")
 * with x at least the member's set, e.g.
 *     async function resizeTableIfSupported(…) {
 *       if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return false;
 *       table.resize(…);
 *     }
 * Such uses are reported with guarded: true.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface ApiUse {
  file: string;
  line: number;
  /** "Range.getRowsBelow", "Excel.createWorkbook", "DataValidationRule.list". */
  member: string;
  /** The ExcelApi set it needs ("1.13"). */
  version: string;
  /** Inside an IfSupported function that checks isSetSupported for that set or newer. */
  guarded: boolean;
}

const TYPES_FILE = /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/;

export function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

const maxVersion = (versions: string[]) => versions.reduce<string | null>((m, v) => (m === null || compareVersions(v, m) > 0 ? v : m), null);

/** The ExcelApi versions in a JSDoc "[Api set: …]" tag; a tag like "ExcelApi 1.1 …; 1.4 allows …" gives both. */
function versionsInTag(tag: string): string[] {
  // Online-only and preview members are in no numbered set a desktop Excel can promise.
  if (/ExcelApiOnline|BETA|PREVIEW/i.test(tag)) return ["99.0"];
  if (!/ExcelApi\b/.test(tag)) return [];
  return [...tag.matchAll(/\b(\d+\.\d+)\b/g)].map((m) => m[1]);
}

function jsDocText(decl: ts.Node): string {
  const sf = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, decl.getFullStart()) ?? [];
  return ranges.map((r) => sf.text.slice(r.pos, r.end)).join("\n");
}

/** The member's own set (from its remarks, not its @param lines). */
export function apiSetOf(decl: ts.Node): string | null {
  const doc = jsDocText(decl);
  const own = doc.split(/\n\s*\*\s*@param\b/)[0];
  const tags = [...own.matchAll(/\[Api set: ([^\]]+)\]/g)].map((m) => m[1]);
  return maxVersion(tags.flatMap(versionsInTag));
}

/** Sets named on @param lines, by parameter name ("valuesOnly" → "1.2"). */
function parameterSets(decl: ts.Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of jsDocText(decl).matchAll(/@param\s+(\w+)[^\n]*?\[Api set: ([^\]]+)\]/g)) {
    const v = maxVersion(versionsInTag(m[2]));
    if (v) out.set(m[1], v);
  }
  return out;
}

/** Declared in namespace Excel (not Excel.Interfaces) of @types/office-js: "Range.values", "Excel.createWorkbook". */
function excelMemberName(decl: ts.Node): string | null {
  if (!TYPES_FILE.test(decl.getSourceFile().fileName)) return null;
  const owner = decl.parent;
  let ns: ts.Node | undefined = owner;
  while (ns && !ts.isModuleDeclaration(ns)) ns = ns.parent;
  if (!ns || !ts.isModuleDeclaration(ns) || ns.name.getText() !== "Excel") return null;
  const name = (decl as ts.NamedDeclaration).name?.getText();
  if (!name) return null;
  if (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) return owner.name ? `${owner.name.text}.${name}` : null;
  if (ts.isModuleBlock(owner)) return `Excel.${name}`;
  return null;
}

/** Names of the functions around a node, innermost first, with their bodies. */
function enclosingFunctions(node: ts.Node): { name: string; body: ts.Node }[] {
  const out: { name: string; body: ts.Node }[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n)) {
      let name = n.name?.getText() ?? "";
      if (!name && (ts.isVariableDeclaration(n.parent) || ts.isPropertyAssignment(n.parent) || ts.isPropertyDeclaration(n.parent))) {
        name = n.parent.name.getText();
      }
      out.push({ name, body: n });
    }
  }
  return out;
}

/** Highest ExcelApi version a function checks with isSetSupported("ExcelApi", "x"). */
function checkedVersion(body: ts.Node): string | null {
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && /(^|\.)isSetSupported$/.test(n.expression.getText())) {
      const [set, version] = n.arguments;
      if (set && ts.isStringLiteralLike(set) && set.text === "ExcelApi" && version && ts.isStringLiteralLike(version)) found.push(version.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return maxVersion(found);
}

function isGuarded(node: ts.Node, version: string): boolean {
  return enclosingFunctions(node).some((f) => {
    if (!f.name.endsWith("IfSupported")) return false;
    const checked = checkedVersion(f.body);
    return checked !== null && compareVersions(checked, version) >= 0;
  });
}

/** Every Excel API use in the given files. */
export function scanExcelApiUses(program: ts.Program, files: readonly string[]): ApiUse[] {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  const wanted = new Set(files.map((f) => path.resolve(f)));

  const record = (at: ts.Node, decl: ts.Node | undefined, extra: string[] = []) => {
    if (!decl) return;
    const member = excelMemberName(decl);
    if (!member) return;
    const version = maxVersion([apiSetOf(decl) ?? "1.1", ...extra])!;
    const sf = at.getSourceFile();
    uses.push({
      file: sf.fileName,
      line: sf.getLineAndCharacterOfPosition(at.getStart()).line + 1,
      member,
      version,
      guarded: isGuarded(at, version),
    });
  };

  const propertyOf = (type: ts.Type, name: string): ts.Symbol | undefined => checker.getPropertyOfType(checker.getApparentType(type), name);

  /** x.load("a, b/c, items/name"): each path resolved through the receiver's type. */
  const recordLoad = (call: ts.CallExpression, receiver: ts.Expression) => {
    const texts: string[] = [];
    for (const a of call.arguments) {
      if (ts.isStringLiteralLike(a)) texts.push(a.text);
      else if (ts.isArrayLiteralExpression(a)) a.elements.forEach((e) => ts.isStringLiteralLike(e) && texts.push(e.text));
      else if (ts.isObjectLiteralExpression(a)) {
        for (const p of a.properties) {
          if (ts.isPropertyAssignment(p) && p.name.getText() === "select" && ts.isStringLiteralLike(p.initializer)) texts.push(p.initializer.text);
        }
      }
    }
    const receiverType = checker.getTypeAtLocation(receiver);
    for (const text of texts) {
      for (const pathText of text.split(",").map((s) => s.trim()).filter(Boolean)) {
        let type: ts.Type | undefined = receiverType;
        for (const segment of pathText.split("/")) {
          if (!type) break;
          const symbol = propertyOf(type, segment);
          if (!symbol) break;
          record(call, symbol.valueDeclaration ?? symbol.declarations?.[0]);
          type = checker.getTypeOfSymbol(symbol);
          if (segment === "items" && checker.isArrayType(type)) type = checker.getTypeArguments(type as ts.TypeReference)[0];
        }
      }
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const parent = node.parent;
      if (ts.isCallExpression(parent) && parent.expression === node) {
        const signature = checker.getResolvedSignature(parent);
        const decl = signature?.declaration;
        if (decl && excelMemberName(decl)) {
          const params = parameterSets(decl);
          const extra: string[] = [];
          (decl as ts.SignatureDeclaration).parameters?.forEach((p, i) => {
            const arg = parent.arguments[i];
            const set = params.get(p.name.getText());
            if (set && arg && arg.kind !== ts.SyntaxKind.UndefinedKeyword && arg.getText() !== "undefined") extra.push(set);
          });
          record(node.name, decl, extra);
          if (node.name.text === "load") recordLoad(parent, node.expression);
        } else {
          checker.getSymbolAtLocation(node.name)?.declarations?.forEach((d) => record(node.name, d));
        }
      } else {
        const symbol = checker.getSymbolAtLocation(node.name);
        record(node.name, symbol?.valueDeclaration ?? symbol?.declarations?.[0]);
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const p of node.properties) {
          if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
          const symbol = propertyOf(contextual, p.name.text);
          record(p.name, symbol?.valueDeclaration ?? symbol?.declarations?.[0]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };

  for (const sf of program.getSourceFiles()) {
    if (wanted.has(path.resolve(sf.fileName))) visit(sf);
  }
  return uses;
}

/** The project's compiler options (tsconfig.json). */
export function projectOptions(root: string): ts.CompilerOptions {
  const file = path.join(root, "tsconfig.json");
  const config = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root);
  return { ...parsed.options, noEmit: true };
}

/** A program over real files plus in-memory ones (path → text), so snippets can be scanned too. */
export function createProgram(root: string, files: string[], virtual: Record<string, string> = {}): ts.Program {
  const options = projectOptions(root);
  const host = ts.createCompilerHost(options, true);
  const resolved = new Map(Object.entries(virtual).map(([p, text]) => [path.resolve(p), text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = resolved.get(path.resolve(fileName));
    return text !== undefined ? ts.createSourceFile(fileName, text, languageVersion, true) : getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => resolved.has(path.resolve(f)) || fileExists(f);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => resolved.get(path.resolve(f)) ?? readFile(f);
  return ts.createProgram([...files, ...resolved.keys()], options, host);
}

/** src/**\/*.ts(x), excluding declaration files. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The ExcelApi MinVersion the manifest declares; 1.8 when the manifest (or the element) is missing. */
export function manifestExcelApiVersion(manifestPath: string): string {
  if (!fs.existsSync(manifestPath)) return "1.8";
  const xml = fs.readFileSync(manifestPath, "utf8");
  const m = /<(?:bt:)?Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(xml);
  return m ? m[1] : "1.8";
}
