import { defaultConfig } from "../../src/domain";
import { escapeHtml, summaryTableClipboard } from "../../src/report/clipboard";
import { hostileSummary, sampleSummaries } from "./fixtures";

describe("summaryTableClipboard", () => {
  const { byService, config } = sampleSummaries();

  it("puts one service's table on the clipboard as a styled HTML table and tab-separated text", () => {
    const { html, text } = summaryTableClipboard(byService, "Assessment", config);
    expect(html).toMatch(/^<p [^>]*>Assessment \(9 visits\)<\/p>\n<table/);
    expect(html).toContain("border:1px solid #7F7F7F");
    expect(html).toMatch(/<th style="[^"]*background-color:#DDE7EE[^"]*"[^>]*>Quality domain<\/th>/);
    expect(html).toMatch(/background-color:#FFBF00;color:#000000[^>]*>RI \(5 x RI, 3 x I, 1 x G\)<\/td>/);
    expect(html).toMatch(/background-color:#D4351C;color:#FFFFFF[^>]*>I \(5 x I, 4 x RI\)<\/td>/);
    expect(html).toMatch(/font-weight:bold"[^>]*>Requires Improvement \(7 x RI, 2 x I\)<\/td>/);
    expect(html).not.toContain("Safeguarding");
    expect(text.split("\n")).toEqual([
      "Assessment (9 visits)",
      "Quality domain\tGrading",
      "Effectiveness of case allocation and workload management arrangements\tRI (5 x RI, 3 x I, 1 x G)",
      "Quality of practice and direct work with children and families including recording\tI (5 x I, 4 x RI)",
      "Quality of performance monitoring and supervisory arrangements\tRI / I (4 x RI / I, 3 x RI, 2 x I)",
      "Effectiveness of joint working between social care and other agencies\tRI (6 x RI, 3 x no judgement)",
      "Overall conclusion\tRequires Improvement (7 x RI, 2 x I)",
      "Selection: all rounds and dates. Rounds: 2017-18. Visits dated 01/08/2017 to 13/09/2017. 13 visits counted. Left out: 1 draft; 1 row with problems.",
      "",
    ]);
  });

  it("puts every table under its heading when no service is named", () => {
    const { html, text } = summaryTableClipboard(byService, null, config);
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain(">Assessment (9 visits)</p>");
    expect(html).toContain(">Safeguarding (4 visits)</p>");
    expect(html.indexOf("Assessment (9 visits)")).toBeLessThan(html.indexOf("Safeguarding (4 visits)"));
    expect(text).toContain("Safeguarding (4 visits)\nThe overall judgements of the diagnostic teams\nQuality domain\tGrading\n");
    // The base, once, after the tables.
    expect(html.match(/13 visits counted\./g)).toHaveLength(1);
    expect(html.indexOf("13 visits counted.")).toBeGreaterThan(html.lastIndexOf("</table>"));
  });

  it("escapes every piece of text", () => {
    const attack = "<img src=x onerror=alert(1)>";
    const summary = hostileSummary([attack, `"quoted" & 'single'`]);
    for (const { html } of [summaryTableClipboard(summary, null, defaultConfig()), summaryTableClipboard(summary, attack, defaultConfig())]) {
      expect(html).not.toContain("<img");
      expect(html).not.toContain("<b>");
    }
    const all = summaryTableClipboard(summary, null, defaultConfig()).html;
    expect(all).toContain("&lt;img src=x onerror=alert(1)&gt; (1 visit)");
    expect(all).toContain("&quot;quoted&quot; &amp; &#39;single&#39;");
    expect(all).toContain("=1+1 &lt;b&gt;bold&lt;/b&gt;");
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });

  it("keeps the plain text to one line per row and neutralises formulas", () => {
    const { text } = summaryTableClipboard(hostileSummary(["=cmd|' /C calc'!A0"]), null, defaultConfig());
    expect(text.split("\n")[0]).toBe("'=cmd|' /C calc'!A0 (1 visit)");
    expect(text).toContain("'=1+1 <b>bold</b>\tGood (1 x G)");
  });

  it("refuses a service it has no table for", () => {
    expect(() => summaryTableClipboard(byService, "Nowhere", config)).toThrow('There is no table for "Nowhere".');
  });
});
