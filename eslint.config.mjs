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
