/**
 * What the pane's Content Security Policy must say (src/taskpane/taskpane.html), checked against the policy the
 * browser saw in each end-to-end flow.
 */

/** Directive name → its sources, from a policy string. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Problems with a pane policy; none when it keeps to the brief. */
export function policyProblems(policy: string): string[] {
  const problems: string[] = [];
  const p = parsePolicy(policy);
  const expect = (name: string, sources: string[]) => {
    const got = p.get(name);
    if (!got) problems.push(`no ${name}`);
    else if ([...got].sort().join(" ") !== [...sources].sort().join(" ")) problems.push(`${name} is "${got.join(" ")}", expected "${sources.join(" ")}"`);
  };
  if (policy.trim() === "") return ["no Content-Security-Policy <meta> in the pane's page"];
  expect("default-src", ["'self'"]);
  expect("script-src", ["'self'", "https://appsforoffice.microsoft.com"]);
  expect("connect-src", ["'self'"]);
  expect("img-src", ["'self'"]);
  expect("font-src", ["'self'"]);
  expect("object-src", ["'none'"]);
  expect("base-uri", ["'self'"]);
  for (const [name, sources] of p) {
    if (name !== "style-src" && sources.includes("'unsafe-inline'")) problems.push(`${name} allows 'unsafe-inline'`);
    if (sources.includes("'unsafe-eval'")) problems.push(`${name} allows 'unsafe-eval'`);
  }
  return problems;
}

/** Problems over the policies of every flow (one list, each line naming the problem once). */
export function cspProblems(policies: string[]): string[] {
  if (policies.length === 0) return ["no flow read the pane's policy"];
  return [...new Set(policies.flatMap(policyProblems))];
}
