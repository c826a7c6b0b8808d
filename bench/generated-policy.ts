// A generated 200-rule policy for the benchmark, and the same rules written as plain TypeScript predicates: the
// code a team would write by hand instead of a policy. Both come from one list of rule specs, so they decide
// the same way by construction; bench/run.ts still checks that they agree on every case.
import type { ApprovalFacts, Outcome } from '../rules/facts.js';
import type { PolicyDocument, PolicyRule, TopLevelCondition } from '../rules/policy.js';
import { semverBumps } from '../rules/semver.js';

interface RuleSpec {
  name: string;
  type: Outcome;
  conditions: TopLevelCondition;
  test: (f: ApprovalFacts) => boolean;
}

const leaf = (fact: string, path: string, operator: string, value: unknown) => ({ fact, path, operator, value });

/** One of eight rule shapes, chosen by position, with constants that vary so no two rules are the same. */
function spec(i: number): RuleSpec {
  const name = `generated-${String(i).padStart(3, '0')}`;
  switch (i % 8) {
    case 0: {
      const bump = semverBumps[(i / 8) % semverBumps.length]!;
      return { name, type: 'escalate', conditions: { all: [leaf('release', '$.bump', 'equal', bump)] }, test: (f) => f.release.bump === bump };
    }
    case 1: {
      const tag = i % 3 === 0 ? 'payments' : `tag-${i}`;
      return { name, type: 'approve', conditions: { all: [leaf('miniProgram', '$.tags', 'contains', tag)] }, test: (f) => f.miniProgram.tags.includes(tag) };
    }
    case 2: {
      const blocked = [`blocked-${i}@example.com`, `blocked-${i + 1}@example.com`];
      return { name, type: 'reject', conditions: { all: [leaf('approval', '$.applicant', 'in', blocked)] }, test: (f) => blocked.includes(f.approval.applicant) };
    }
    case 3: {
      const n = i % 5;
      return { name, type: 'escalate', conditions: { all: [leaf('sensitiveApis', '$.pendingCount', 'greaterThan', n)] }, test: (f) => f.sensitiveApis.pendingCount > n };
    }
    case 4: {
      const days = i * 3;
      // json-rules-engine's numeric operators never match null.
      return { name, type: 'approve', conditions: { all: [leaf('miniProgram', '$.ageDays', 'greaterThanInclusive', days)] }, test: (f) => f.miniProgram.ageDays !== null && f.miniProgram.ageDays >= days };
    }
    case 5: {
      const hour = 6 + (i % 12);
      const first = i % 2 === 0;
      return {
        name, type: 'escalate',
        conditions: { all: [leaf('clock', '$.hour', 'lessThan', hour), leaf('release', '$.firstRelease', 'equal', first)] },
        test: (f) => f.clock.hour < hour && f.release.firstRelease === first,
      };
    }
    case 6: {
      const team = `team-${i}`;
      const mp = `Mini Program ${i}`;
      return {
        name, type: 'approve',
        conditions: { any: [leaf('team', '$.id', 'equal', team), leaf('miniProgram', '$.name', 'equal', mp)] },
        test: (f) => f.team.id === team || f.miniProgram.name === mp,
      };
    }
    default: {
      const platform = `P${i}`;
      return {
        name, type: 'reject',
        conditions: { all: [leaf('miniProgram', '$.status', 'equal', 'removed'), { not: leaf('approval', '$.platformId', 'equal', platform) }] },
        test: (f) => f.miniProgram.status === 'removed' && f.approval.platformId !== platform,
      };
    }
  }
}

export function generatedPolicy(ruleCount = 200): { policy: PolicyDocument; handWritten: (f: ApprovalFacts) => { outcome: Outcome; fired: string[] } } {
  const specs = Array.from({ length: ruleCount }, (_, i) => spec(i));
  const rules: PolicyRule[] = specs.map((s) => ({
    name: s.name,
    description: `generated rule ${s.name} (${s.type})`,
    conditions: s.conditions,
    event: s.type === 'reject' ? { type: 'reject', params: { note: `Refused by ${s.name}.` } } : { type: s.type },
  }));
  const policy: PolicyDocument = { name: `generated-${ruleCount}`, description: 'benchmark policy', defaultOutcome: 'escalate', rules };
  const handWritten = (f: ApprovalFacts) => {
    const fired: string[] = [];
    let reject = false;
    let escalate = false;
    let approve = false;
    for (const s of specs) {
      if (!s.test(f)) continue;
      fired.push(s.name);
      if (s.type === 'reject') reject = true;
      else if (s.type === 'escalate') escalate = true;
      else approve = true;
    }
    const outcome: Outcome = reject ? 'reject' : escalate ? 'escalate' : approve ? 'approve' : 'escalate';
    return { outcome, fired };
  };
  return { policy, handWritten };
}
