// Small valid policies for the store's and the CLI's tests: a base and a variant that changes, adds and drops rules.
export function basePolicy(): Record<string, unknown> {
  return {
    name: 'store-test',
    description: 'a policy for the store tests',
    defaultOutcome: 'escalate',
    escalation: { reviewers: ['lead@example.com'], requiredApprovals: 1 },
    rules: [
      {
        name: 'reject-removed',
        description: 'a removed mini program cannot be released',
        conditions: { all: [{ fact: 'miniProgram', path: '$.status', operator: 'equal', value: 'removed' }] },
        event: { type: 'reject', params: { note: 'The mini program has been removed.' } },
      },
      {
        name: 'approve-patch',
        description: 'patch releases go through',
        conditions: { all: [{ fact: 'release', path: '$.bump', operator: 'equal', value: 'patch' }] },
        event: { type: 'approve' },
      },
      {
        name: 'escalate-major',
        description: 'major versions need a person',
        conditions: { all: [{ fact: 'release', path: '$.bump', operator: 'equal', value: 'major' }] },
        event: { type: 'escalate', params: { requiredApprovals: 2 } },
      },
    ],
  };
}

export function variantPolicy(): Record<string, unknown> {
  const doc = basePolicy();
  const rules = doc.rules as Record<string, unknown>[];
  doc.escalation = { reviewers: ['lead@example.com', 'sec@example.com'], requiredApprovals: 1 };
  rules[1] = {
    ...rules[1],
    conditions: { any: [{ fact: 'release', path: '$.bump', operator: 'equal', value: 'patch' }, { fact: 'release', path: '$.bump', operator: 'equal', value: 'minor' }] },
  };
  rules.splice(2, 1);
  rules.push({
    name: 'escalate-first-release',
    description: 'a first release needs a person',
    conditions: { all: [{ fact: 'release', path: '$.firstRelease', operator: 'equal', value: true }] },
    event: { type: 'escalate' },
  });
  return doc;
}
