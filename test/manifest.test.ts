import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// CI clones the repository with shared/ beside it (repo/../shared).
const repoRoot = path.resolve(__dirname, "..");
const schemaDir = path.resolve(__dirname, "../../shared/office-manifest-schemas");
const schemaFile = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
const manifestFile = path.join(repoRoot, "manifest.xml");

function xmllintVersion(): { ok: boolean; detail: string } {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) return { ok: false, detail: probe.error.message };
  return { ok: probe.status === 0, detail: `${probe.stdout}${probe.stderr}`.trim() };
}

describe("manifest.xml", () => {
  const manifest = fs.readFileSync(manifestFile, "utf8");

  it("validates against the offline Office add-in manifest schemas with xmllint", () => {
    const probe = xmllintVersion();
    if (!probe.ok) {
      throw new Error(
        `xmllint is not available (${probe.detail}). Install it with "apt-get install -y libxml2-utils" ` +
          "so that manifest.xml can be validated offline.",
      );
    }
    if (!fs.existsSync(schemaFile)) {
      throw new Error(
        `Manifest schema not found at ${schemaFile}. The shared/office-manifest-schemas folder ` +
          "must sit beside the repository (repo/../shared).",
      );
    }
    const result = spawnSync("xmllint", ["--noout", "--schema", schemaFile, manifestFile], {
      encoding: "utf8",
    });
    if (result.status !== 0) {
      throw new Error(`xmllint exited with ${result.status}:\n${result.stdout}${result.stderr}`);
    }
    expect(result.status).toBe(0);
  });

  it("requires ExcelApi 1.8", () => {
    expect(manifest).toMatch(/<Set\s+Name="ExcelApi"\s+MinVersion="1\.8"\s*\/>/);
  });

  it("asks for ReadWriteDocument permission", () => {
    expect(manifest).toMatch(/<Permissions>\s*ReadWriteDocument\s*<\/Permissions>/);
  });

  it("is an Excel task pane add-in", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host\s+Name="Workbook"\s*\/>/);
  });
});
