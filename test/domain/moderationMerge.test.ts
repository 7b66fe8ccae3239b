import { changedFields, defaultConfig, emptyVisitForm, mergeModerationCounts } from "../../src/domain";
import { moderationJson, moderationRows } from "../../src/presentation/moderation";

test("several files' moderation counts are summed per service, in the services' order", () => {
  const merged = mergeModerationCounts(
    [
      [{ service: "Safeguarding", up: 1, down: 0, other: 0 }],
      [
        { service: "Assessment", up: 0, down: 2, other: 0 },
        { service: "safeguarding", up: 0, down: 1, other: 1 },
      ],
    ],
    ["Assessment", "Safeguarding"],
  );
  expect(merged).toEqual([
    { service: "Assessment", up: 0, down: 2, other: 0 },
    { service: "Safeguarding", up: 1, down: 1, other: 1 },
  ]);
  expect(moderationRows(merged)).toEqual([["Assessment", 2, 0, 2, 0], ["Safeguarding", 3, 1, 1, 1]]);
  expect(moderationJson(merged)[1]).toEqual({ service: "Safeguarding", changed: 3, up: 1, down: 1, other: 1 });
});

test("the changed fields are named as the Change log names them; narrative fields are not tracked", () => {
  const config = defaultConfig();
  const before = { ...emptyVisitForm(config), service: "Safeguarding", team: "T1", visitDate: "2017-08-07", status: "Final", grades: { overall: "RI" } };
  const after = { ...before, visitDate: "2017-08-08", strengths: "More", grades: { overall: "G" } };
  expect(changedFields(before, after, config)).toEqual(["Visit date", "Overall conclusion"]);
});
