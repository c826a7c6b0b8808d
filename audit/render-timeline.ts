// `audit show` for people: the decision's timeline from its history, then the ledger row, then every
// disagreement between the two (or a plain statement that they agree).
import type { LedgerRow } from '../ledger/types.js';
import { contentHash } from '../policies/canonical-hash.js';
import type { ConditionNode, RuleExplanation } from '../rules/evaluate.js';
import type { Disagreement } from './compare-ledger.js';
import type { ApprovalAudit } from './inspect.js';
import type { DecisionTimeline } from './timeline.js';

const json = (v: unknown, max = 100) => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export function renderAudit(audit: ApprovalAudit): string {
  const t = audit.timeline;
  const lines = [`approval ${t.approvalNo ?? '?'} on ${t.platformId ?? '?'} (workflow ${t.workflowId}${t.runId ? `, run ${t.runId}` : ''})`, '', 'timeline, from the workflow history:'];
  for (const [at, what, ...more] of steps(t)) {
    lines.push(`  ${at.replace('T', ' ').replace('Z', '')}  ${what}`);
    for (const m of more) lines.push(`  ${' '.repeat(23)}    ${m}`);
  }
  lines.push('', ...renderLedgerRow(audit.ledger), '', ...renderDisagreements(audit.disagreements, Boolean(audit.ledger)));
  return lines.join('\n') + '\n';
}

type Step = [at: string, what: string, ...more: string[]];

function steps(t: DecisionTimeline): Step[] {
  const out: Step[] = [];
  const a = t.approval;
  out.push([t.startedAt, `picked up via ${t.receivedVia ?? '?'}: ${a?.MNPName ?? a?.MNPId ?? '?'} ${a?.MNPVersion ?? ''}, applied by ${a?.ApplyUser ?? '?'}`]);
  const decidedAt = t.policyAt ?? t.factsAt ?? t.startedAt;
  if (t.factsError) out.push([t.factsAt ?? t.startedAt, `facts could not be gathered: ${t.factsError}`, 'the policy fails safe to a reviewer without them']);
  else if (t.facts && typeof t.facts === 'object') out.push([t.factsAt ?? t.startedAt, `facts gathered: ${Object.keys(t.facts).join(', ')} (sha256 ${contentHash(t.facts).slice(0, 12)}; --json for all of them)`]);
  if (t.policy) out.push([t.policyAt ?? t.startedAt, `policy "${t.policy.name}"${t.policy.version !== undefined ? ` v${t.policy.version}` : ''} (sha256 ${t.policy.hash.slice(0, 12)})`]);
  else out.push([t.policyAt ?? t.startedAt, 'no policy could be loaded']);
  const d = t.decision;
  if (d) {
    const fired = d.explanation.filter((r) => r.fired);
    const notFired = d.explanation.filter((r) => !r.fired).map((r) => r.name);
    out.push([decidedAt, `policy decided ${d.outcome}${d.failSafe ? ' (fail-safe)' : ''}${t.decisionFrom === 're-evaluation' ? ' (re-evaluated from the recorded facts and policy)' : ''}`,
      ...fired.map(whyFired),
      ...(notFired.length > 0 ? [`did not fire: ${notFired.join(', ')}`] : []),
      ...(d.failSafe ? d.reasons.slice(0, 3).map((r) => `reason: ${r}`) : [])]);
  }
  for (const why of t.reevaluationDisagrees) out.push([decidedAt, `! re-evaluating the recorded policy over the recorded facts disagrees: ${why}`]);
  if (t.escalated) {
    const e = d?.escalation;
    out.push([t.escalatedAt ?? decidedAt, `escalated${e ? `: ${e.requiredApprovals} approval(s) from ${e.reviewers.join(', ') || 'the default reviewers'}${e.deadlineHours ? `, deadline ${e.deadlineHours} h then ${e.onDeadline}` : ''}` : ''}`, 'recorded as pending in the ledger']);
  }
  for (const r of t.reviews) {
    out.push([r.at, `${r.reviewer} decided ${r.outcome}${r.note ? `: "${r.note}"` : ''}`, `Update ${r.updateId}${r.identity ? ` from ${r.identity}` : ''}`]);
  }
  if (t.submitted) out.push([t.submissions[0]?.at ?? decidedAt, `submitting ${t.submitted.outcome} to TCMPP${t.submitted.note ? ` with note "${t.submitted.note}"` : ''}`]);
  for (const s of t.submissions) {
    const tries = s.attempts.includes('-') ? `attempts ${s.attempts}` : `attempt ${s.attempts}`;
    const what = s.outcome === 'failed' ? `failed${s.code ? `: ${s.code}` : ''}` : s.outcome;
    out.push([s.at, `${tries} ${what}${s.requestId ? ` (RequestId ${s.requestId})` : ''}`,
      ...(s.outcome === 'failed' && s.message ? [s.message] : []),
      ...(s.attempts.includes('-') ? ['Temporal keeps the last failure of retried attempts only'] : [])]);
  }
  const finalWrite = t.ledgerWrites.at(t.escalated ? 1 : 0);
  if (finalWrite) out.push([finalWrite.at, 'final ledger row written']);
  const end = t.end;
  if (end.status === 'completed') {
    const r = end.result as { outcome?: string; source?: string; decidedBy?: string[] };
    out.push([end.at, `completed: ${r.outcome} by ${r.source} (${(r.decidedBy ?? []).join(', ')})`]);
  } else if (end.status === 'failed') {
    out.push([end.at, `failed: ${end.failure.message}`]);
  } else if (end.status === 'running') {
    out.push([new Date().toISOString(), t.escalated ? 'still running: waiting for reviewers' : 'still running']);
  } else {
    out.push([end.at, `${end.status}${'reason' in end && end.reason ? `: ${end.reason}` : ''}`]);
  }
  return out.sort((x, y) => x[0].localeCompare(y[0]));
}

function whyFired(rule: RuleExplanation): string {
  const leaves: string[] = [];
  const walk = (n: ConditionNode) => {
    if (n.kind === 'condition') {
      if (n.result === true) leaves.push(`${n.fact}${n.path ? n.path.slice(1) : ''} ${n.operator} ${json(n.expected, 60)} (saw ${json(n.factValue, 60)})`);
    } else n.children.forEach(walk);
  };
  walk(rule.conditions);
  return `✓ ${rule.name} [${rule.type}]: ${leaves.join('; ') || 'its conditions held'}`;
}

function renderLedgerRow(row: LedgerRow | undefined): string[] {
  if (!row) return ['ledger row: none'];
  return [
    `ledger row: ${row.state}, last written ${row.updatedAt}`,
    `  policy ${row.policyOutcome}; final ${row.outcome ?? '(pending)'} by ${row.source ?? '-'} (${row.decidedBy ?? '-'})`,
    `  policy "${row.policyName}" v${row.policyVersion ?? '?'} (sha256 ${row.policyHash.slice(0, 12)}); facts sha256 ${contentHash(row.facts).slice(0, 12)}`,
    `  TCMPP RequestId ${row.tcmppRequestId ?? '-'}${row.tcmppErrorCode ? `, error ${row.tcmppErrorCode}` : ''}; attempts ${row.attempts}; run ${row.runId}`,
  ];
}

export function renderDisagreements(list: Disagreement[], hasRow: boolean): string[] {
  if (list.length === 0) return [hasRow ? 'the ledger row agrees with the history' : 'no ledger row, and the run wrote none yet'];
  return [`DISAGREEMENTS between the history and the ledger (${list.length}):`,
    ...list.map((d) => `  ✗ ${d.field}: history ${json(d.history)}, ledger ${json(d.ledger)}`)];
}
