// How `release-gate decisions` and `release-gate pending` print ledger rows for people.
import type { LedgerRow } from '../../ledger/types.js';
import type { EscalationSettings } from '../../rules/decision.js';
import { cut, renderTable, shellQuote, shortTime } from '../table.js';

/** What became of the approval, in one word: the outcome once decided, else the ledger state. */
export function outcomeOf(row: LedgerRow): string {
  if (row.state === 'decided') return row.outcome ?? '?';
  if (row.state === 'failed') return `failed${row.outcome ? ` (${row.outcome})` : ''}`;
  return row.state;
}

function firedRuleNames(row: LedgerRow): string[] {
  return (row.firedRules as { name?: unknown }[]).map((r) => (typeof r?.name === 'string' ? r.name : '?'));
}

/** Who decided (reviewers, deadline) or which rules did; for a pending row, the rules that escalated it. */
function deciders(row: LedgerRow): string {
  if (row.decidedBy) return row.decidedBy;
  const rules = firedRuleNames(row);
  return rules.length > 0 ? rules.join(', ') : row.source === 'default' ? 'default outcome' : '';
}

function miniProgram(row: LedgerRow): string {
  return row.miniProgramName ?? row.miniProgramId ?? '';
}

export function renderDecisions(rows: readonly LedgerRow[]): string {
  if (rows.length === 0) return 'no decisions match\n';
  const header = ['time (UTC)', 'platform', 'approval', 'mini program', 'version', 'outcome', 'source', 'decided by / rules', 'note'];
  const body = rows.map((r) => [
    shortTime(r.decidedAt ?? r.escalatedAt ?? r.updatedAt),
    r.platformId,
    r.approvalNo,
    cut(miniProgram(r), 24),
    r.version ?? '',
    outcomeOf(r),
    r.source ?? (r.state === 'pending' ? 'escalated' : ''),
    cut(deciders(r), 32),
    cut(r.note ?? (r.state === 'failed' ? r.tcmppErrorCode ?? r.tcmppError : undefined), 40),
  ]);
  return `${renderTable(header, body, { separator: true })}\n${rows.length} row${rows.length === 1 ? '' : 's'}\n`;
}

/** The exact commands a reviewer runs for an escalated approval (NAME stands for them unless given). */
export function decideCommands(platformId: string, approvalNo: string, reviewer = 'NAME'): { approve: string; reject: string } {
  const base = `release-gate decide ${shellQuote(approvalNo)} --platform ${shellQuote(platformId)} --reviewer ${reviewer === 'NAME' ? reviewer : shellQuote(reviewer)}`;
  return { approve: `${base} --approve`, reject: `${base} --reject --note 'REASON'` };
}

export function renderPending(rows: readonly LedgerRow[], reviewer?: string): string {
  if (rows.length === 0) return 'nothing is waiting for a reviewer\n';
  const blocks = rows.map((r) => {
    const escalation = (r.escalation ?? {}) as Partial<EscalationSettings>;
    const needs = escalation.requiredApprovals && escalation.requiredApprovals > 1 ? `${escalation.requiredApprovals} approvals` : '1 approval';
    const who = escalation.reviewers?.length ? ` from ${escalation.reviewers.join(', ')}` : '';
    const deadline = escalation.deadlineHours && r.escalatedAt
      ? `, deadline ${shortTime(new Date(Date.parse(r.escalatedAt) + escalation.deadlineHours * 3_600_000).toISOString())} UTC`
      : '';
    const lines = [
      `${r.approvalNo} on ${r.platformId}: ${miniProgram(r) || '(unknown mini program)'} ${r.version ?? ''}`.trimEnd(),
      `  escalated ${shortTime(r.escalatedAt ?? r.updatedAt)} UTC by ${firedRuleNames(r).join(', ') || 'the default outcome'}; needs ${needs}${who}${deadline}`,
      ...r.reasons.slice(0, 3).map((reason) => `  - ${cut(reason, 100)}`),
    ];
    const commands = decideCommands(r.platformId, r.approvalNo, reviewer);
    lines.push(`  approve: ${commands.approve}`, `  reject:  ${commands.reject}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${rows.length} approval${rows.length === 1 ? '' : 's'} waiting for a reviewer\n`;
}
