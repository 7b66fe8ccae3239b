import fc from "fast-check";
import { sharedStrings, sharedStringsByPattern } from "../../../src/adapters/files/xlsxStructure";
import { textRuns, textRunsByPattern } from "../../../src/adapters/files/xmlText";

/** Pieces a shared-strings part is made of: plain, preserved, rich and phonetic runs, entities, odd spacing. */
const run = fc.constantFrom(
  "<t>Good</t>",
  '<t xml:space="preserve"> Requires improvement </t>',
  "<t>A &amp; B &lt;C&gt; &#233; _x000D_</t>",
  "<t/>",
  "<t></t>",
  "<r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space=\"preserve\"> text</t></r>",
  "<t>Tōkyō</t><rPh sb=\"0\" eb=\"2\"><t>とうきょう</t></rPh>",
  "<t\txml:space=\"preserve\">tab</t>",
  "<t>a</t>b</t>",
  "\n<t>leading</t>",
  "<t>rPh in text</t>",
  "<t>x:si in text</t>",
  "",
);
const si = fc.oneof(
  fc.array(run, { maxLength: 3 }).map((runs) => `<si>${runs.join("")}</si>`),
  fc.constantFrom("<si/>", "<si />", '<si foo="1"><t>attr</t></si>', "<sig>not a string</sig>", "<si></si>", "<si-x><t>odd</t></si>", "<si.b/>", "<si><t>a</t>", "<si\t/>"),
);

describe("shared strings read by indexOf", () => {
  it("give the list the regular expressions give, part by part", () => {
    fc.assert(
      fc.property(fc.array(si, { maxLength: 12 }), fc.boolean(), (items, prefixed) => {
        const body = items.join(prefixed ? "\n" : "");
        const xml = `<?xml version="1.0"?><sst xmlns="x" count="${items.length}">${body}</sst>`;
        expect(sharedStrings(xml)).toEqual(sharedStringsByPattern(xml));
        // With a prefix on the elements, the pattern reads them (and the fast path steps aside).
        const withPrefix = xml.replace(/<(\/?)(si|t|r|rPh|rPr)\b/g, "<$1x:$2");
        expect(sharedStrings(withPrefix)).toEqual(sharedStringsByPattern(withPrefix));
      }),
      { numRuns: 300 },
    );
  });

  it("read a plain run as the patterns do and leave every other fragment to them", () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 3 }), (runs) => {
        const fragment = runs.join("");
        expect(textRuns(fragment)).toBe(textRunsByPattern(fragment));
      }),
      { numRuns: 300 },
    );
    expect(sharedStrings('<sst><si><t>Good</t></si><si/><si><t xml:space="preserve"> RI </t></si><si><r><t>Ri</t></r><r><t>ch</t></r></si></sst>')).toEqual(["Good", "", " RI ", "Rich"]);
  });
});
