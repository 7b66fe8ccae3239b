// ESLint 9 flat config.
// - eslint-plugin-office-addins "recommended" supplies @eslint/js recommended,
//   eslint-config-prettier and the office-addins rules (Excel.run / load / sync
//   mistakes). Its own block only matches .js/.ts, so the office-addins rules are
//   re-applied to .tsx below.
// - typescript-eslint "recommended" (syntax only, no type information) for .ts/.tsx.
// - The "prettier/prettier" formatting rule from the office-addins config is turned
//   off: formatting is not enforced by lint.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const officeAddinsRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "off"]),
);
for (const block of officeAddins.configs.recommended) {
  for (const [rule, level] of Object.entries(block.rules ?? {})) {
    if (rule.startsWith("office-addins/")) officeAddinsRules[rule] = level;
  }
}

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "demo-output/**", "bench-output/**", "test-results/**"],
  },
  ...officeAddins.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ["**/*.{ts,tsx,mts,cts}"] })),
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2020,
      sourceType: "module",
      parserOptions: {
        ecmaFeatures: { jsx: true },
        // typescript-eslint 8.8 (the version eslint-plugin-office-addins pins) predates
        // TypeScript 5.9; parsing without type information is unaffected.
        warnOnUnsupportedTypeScriptVersion: false,
      },
    },
    rules: {
      ...officeAddinsRules,
      "prettier/prettier": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // typescript-eslint 8.8 crashes on this rule under ESLint >= 9.15 unless every
      // option is given explicitly (these are ESLint's defaults).
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
    },
  },
  // Layering (see README / ARCHITECTURE): each rule fails lint on an import that crosses it.
  {
    // The pure core imports nothing outside src/domain (no Office, no DOM, no I/O, no workbook or report code).
    files: ["src/domain/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../*", "exceljs", "react", "react-dom", "fs", "path", "docx"], message: "src/domain imports nothing outside src/domain." }] },
      ],
    },
  },
  {
    // The same for the core's subfolders (src/domain/records/...): one level up is still the core.
    files: ["src/domain/*/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../../*", "exceljs", "react", "react-dom", "fs", "path", "docx"], message: "src/domain imports nothing outside src/domain." }] },
      ],
    },
  },
  {
    // Adapters know cells, tables, names and formats, never grades: no grading rules from the domain (only its
    // neutral text and cell helpers, domain/cells and domain/text) and no workbook module that holds them.
    files: ["src/adapters/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // The domain's index, or any of its modules but the neutral cells and text helpers.
              regex: "(^|/)domain(/(?!(cells|text)$)[^/]+)?$|(^|/)workbook/(listsSheet|tableRows|setupPlan|summaryPlan|diagnosticsRead)$|^\\.\\./\\.\\./(actions|cli|taskpane|report|presentation)(/|$)",
              message: "Adapters take what to read from the request: import no grading rules (domain config, scale, fields, visits, rollup) and nothing from the layers above them (actions, cli, taskpane, report, presentation).",
            },
          ],
        },
      ],
    },
  },
  {
    // The workbook layer builds plans from the core; it does not reach into the report layer.
    // summaryPlan.ts still imports report/distribution: left to the lead (issue 9), listed here so nothing else may.
    files: ["src/workbook/**/*.{ts,tsx}"],
    ignores: ["src/workbook/summaryPlan.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/report", "**/report/**"], message: "src/workbook does not import src/report." }] }],
    },
  },
  {
    // Node-side JavaScript (webpack config, scripts). The office-addins block sets
    // ecmaVersion 6, which cannot parse modern syntax.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        __dirname: "readonly",
        __filename: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "prettier/prettier": "off" },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
  },
);
