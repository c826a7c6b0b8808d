// A decision as a person reads it (`release-gate policy explain`): the outcome and why, then every rule with its
// conditions as a tree, each leaf with the fact's value it saw. Skipped conditions are marked, never hidden.
import type { ConditionNode, PolicyDecision, RuleExplanation } from './decision.js';
import { preview } from './json.js';

const mark = (result: boolean | null, skipped: boolean) => (skipped || result === null ? '·' : result ? '✓' : '✗');

export function formatDecision(decision: PolicyDecision): string {
  const lines: string[] = [];
  const p = decision.policy;
  lines.push(`outcome: ${decision.outcome}${decision.failSafe ? ' (fail-safe: something went wrong, so a reviewer decides)' : ''}`);
  lines.push(`policy:  ${p.name}${p.version !== undefined ? ` v${p.version}` : ''} (hash ${p.hash.slice(0, 12)})`);
  lines.push(`note:    ${decision.note}`);
  if (decision.escalation) {
    const e = decision.escalation;
    const who = e.reviewers.length > 0 ? e.reviewers.join(', ') : 'the default reviewers';
    const deadline = e.deadlineHours === null ? 'no deadline' : `deadline ${e.deadlineHours} h, then ${e.onDeadline}`;
    lines.push(`review:  ${e.requiredApprovals} approval${e.requiredApprovals === 1 ? '' : 's'} from ${who}; ${deadline}`);
  }
  lines.push('', 'reasons:');
  for (const r of decision.reasons) lines.push(`  - ${r}`);
  if (decision.explanation.length > 0) {
    const fired = decision.explanation.filter((r) => r.fired).length;
    lines.push('', `rules (${fired} of ${decision.explanation.length} fired; ✓ true, ✗ false, · skipped):`);
    for (const rule of decision.explanation) lines.push(...formatRule(rule));
  }
  return lines.join('\n');
}

function formatRule(rule: RuleExplanation): string[] {
  const lines = [`  ${rule.fired ? '✓' : '✗'} ${rule.name} [${rule.type}]${rule.fired ? ' fired' : ''}${rule.error ? ` (${rule.error})` : ''}`];
  if (rule.description) lines.push(`      ${rule.description}`);
  formatNode(rule.conditions, 3, lines);
  return lines;
}

function formatNode(node: ConditionNode, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  if (node.kind === 'condition') {
    const where = node.path ? `${node.fact}${node.path.slice(1)}` : node.fact;
    const seen = 'factValue' in node && node.factValue !== undefined ? preview(node.factValue, 60) : 'missing';
    const skipped = node.skipped ? ' (skipped)' : '';
    lines.push(`${indent}${mark(node.result, node.skipped)} ${where} ${node.operator} ${preview(node.expected, 80)} (fact: ${seen})${skipped}`);
    if (node.error) lines.push(`${indent}  ! ${node.error}`);
    return;
  }
  const label = node.kind === 'all' ? 'all of' : node.kind === 'any' ? 'any of' : 'not';
  lines.push(`${indent}${mark(node.result, node.skipped)} ${label}${node.skipped ? ' (skipped)' : ''}`);
  for (const child of node.children) formatNode(child, depth + 1, lines);
}
