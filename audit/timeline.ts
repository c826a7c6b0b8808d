// An approval's decision timeline, read from its workflow history alone: what was picked up, the facts and the
// policy the local activities returned, the policy's decision (the one the run returned, and the same policy
// re-evaluated over the recorded facts, which must agree), escalation and every reviewer decision, each
// submission attempt with its TCMPP code or RequestId, and the end. Nothing here talks to Temporal or the ledger.
import { canonicalJson } from '../policies/canonical-hash.js';
import { evaluate, type PolicyDecision } from '../rules/evaluate.js';
import { deadlineFinalDecision, reviewerFinalDecision, ruleFinalDecision } from '../workflows/approval/final-decision.js';
import { ledgerDecider, ledgerStateFor } from '../workflows/approval/ledger-entry.js';
import { tallyReviews } from '../workflows/approval/reviews.js';
import type { ApprovalRequest, DecisionRecord } from '../workflows/approval/types.js';
import { readRun, type ActivityRecord, type FailureInfo, type RunEnd } from './history-reader.js';
import type { History } from './proto-json.js';

export interface SubmissionAttempt {
  at: string;
  /** Which tries this line covers ("1-3" when Temporal kept only the last failure of several). */
  attempts: string;
  outcome: 'failed' | 'submitted' | 'already-applied' | 'conflict';
  code?: string;
  requestId?: string;
  message?: string;
}

export interface ReviewRecord {
  reviewer: string;
  outcome: string;
  note: string;
  at: string;
  updateId: string;
  identity?: string;
}

export interface DecisionTimeline {
  workflowId: string;
  runId?: string;
  platformId?: string;
  approvalNo?: string;
  receivedVia?: string;
  startedAt: string;
  approval?: ApprovalRequest['approval'];
  facts?: unknown;
  factsError?: string;
  /** When the gatherFacts and loadPolicy local activities were recorded. */
  factsAt?: string;
  policyAt?: string;
  policy?: { name: string; version?: number; hash: string };
  /** The decision the run returned, or (a run that failed or still waits) the re-evaluated one. */
  decision?: PolicyDecision;
  decisionFrom: 'workflow result' | 're-evaluation' | 'none';
  /** Where re-evaluating the recorded policy over the recorded facts disagrees with the run's decision. */
  reevaluationDisagrees: string[];
  escalated: boolean;
  escalatedAt?: string;
  reviews: ReviewRecord[];
  submitted?: { outcome: 'approve' | 'reject'; note: string };
  submissions: SubmissionAttempt[];
  submissionStatus?: SubmissionAttempt['outcome'];
  /** What the ledger row must say about the final decision. */
  final?: { outcome?: 'approve' | 'reject'; source?: string; decidedBy?: string; note?: string; requestId?: string; errorCode?: string; attempts?: number };
  ledgerWrites: { at: string; ok: boolean }[];
  end: RunEnd;
}

export async function buildTimeline(history: History, ids: { workflowId?: string; runId?: string } = {}): Promise<DecisionTimeline> {
  const run = readRun(history);
  if (run.workflowType !== 'approvalWorkflow') throw new Error(`not an approval workflow (type ${run.workflowType || 'unknown'})`);
  const request = run.input as ApprovalRequest | undefined;
  const result = run.end.status === 'completed' ? (run.end.result as DecisionRecord) : undefined;
  const local = (type: string) => run.localActivities.filter((a) => a.activityType === type);
  const factsRecord = local('gatherFacts').at(-1);
  const policyRecord = local('loadPolicy').at(-1);
  const loadedPolicy = policyRecord?.result as { name: string; version?: number; hash: string; document: unknown } | undefined;
  const ledgerWrites = local('recordDecision').map((r) => ({ at: r.at, ok: !r.failure }));
  const noteMaxLength = request?.settings?.noteMaxLength ?? 500;

  const reevaluated = await evaluate(loadedPolicy?.document ?? null, (factsRecord?.result) ?? null, {
    noteMaxLength,
    ...(loadedPolicy?.version !== undefined ? { policyVersion: loadedPolicy.version } : {}),
    policyHash: loadedPolicy?.hash ?? 'none',
  });
  const recorded = result?.policyDecision;
  const decision = recorded ?? reevaluated;
  const reviews: ReviewRecord[] = run.updates.filter((u) => u.name === 'decide').map((u) => {
    const input = (u.input ?? {}) as { reviewer?: string; outcome?: string; note?: string };
    return {
      reviewer: (input.reviewer ?? '').trim(), outcome: input.outcome ?? '?', note: (input.note ?? '').trim(), at: u.acceptedAt, updateId: u.updateId,
      ...(u.identity ? { identity: u.identity } : {}),
    };
  });
  // A run escalates by writing its pending ledger row before the final one.
  const escalated = decision.outcome === 'escalate' || ledgerWrites.length > 1 || reviews.length > 0;
  const submit = run.activities.find((a) => a.activityType === 'submitDecision');
  const submitted = submit?.input as { outcome: 'approve' | 'reject'; note: string } | undefined;
  const submissions = submit ? submissionAttempts(submit) : [];
  const submissionStatus = submissions.at(-1)?.outcome;

  // The run's own id (workflowInfo().runId, in its result) first: a ledger row naming another run then shows. A
  // run without a result says nothing of its id but its start event's (a reset run keeps its original's).
  const runId = result?.runId ?? ids.runId ?? run.runId;
  const timeline: DecisionTimeline = {
    workflowId: ids.workflowId ?? run.workflowId ?? result?.workflowId ?? '?',
    ...(runId ? { runId } : {}),
    ...(request?.platformId ? { platformId: request.platformId } : {}),
    ...(request?.approval?.ApprovalNo ? { approvalNo: request.approval.ApprovalNo, approval: request.approval } : {}),
    ...(request?.receivedVia ? { receivedVia: request.receivedVia } : {}),
    startedAt: run.startedAt,
    ...(factsRecord?.failure ? { factsError: factsRecord.failure.message } : factsRecord ? { facts: factsRecord.result } : {}),
    ...(factsRecord ? { factsAt: factsRecord.at } : {}),
    ...(policyRecord ? { policyAt: policyRecord.at } : {}),
    ...(loadedPolicy ? { policy: { name: loadedPolicy.name, ...(loadedPolicy.version !== undefined ? { version: loadedPolicy.version } : {}), hash: loadedPolicy.hash } } : {}),
    decision,
    decisionFrom: recorded ? 'workflow result' : factsRecord || policyRecord ? 're-evaluation' : 'none',
    reevaluationDisagrees: recorded ? decisionDifferences(recorded, reevaluated) : [],
    escalated,
    ...(escalated && ledgerWrites.length > 1 ? { escalatedAt: ledgerWrites[0]!.at } : {}),
    reviews,
    ...(submitted ? { submitted } : {}),
    submissions,
    ...(submissionStatus ? { submissionStatus } : {}),
    ledgerWrites,
    end: run.end,
  };
  if (!recorded && submitted && !escalated && submitted.outcome !== reevaluated.outcome) {
    timeline.reevaluationDisagrees.push(`outcome: the run submitted ${submitted.outcome}, re-evaluation gives ${reevaluated.outcome}`);
  }
  if (!recorded && escalated !== (reevaluated.outcome === 'escalate') && run.end.status !== 'running') {
    timeline.reevaluationDisagrees.push(`outcome: the run ${escalated ? 'escalated' : 'did not escalate'}, re-evaluation gives ${reevaluated.outcome}`);
  }
  if (submitted) timeline.final = finalDecision(timeline, decision, submitted, result, run.timersFired, noteMaxLength);
  return timeline;
}

function submissionAttempts(a: ActivityRecord): SubmissionAttempt[] {
  const out: SubmissionAttempt[] = [];
  const last = a.attempt ?? 1;
  if (a.lastFailure && last > 1) out.push({ at: a.scheduledAt, attempts: last > 2 ? `1-${last - 1}` : '1', outcome: 'failed', ...failureFields(a.lastFailure) });
  if (a.failure) out.push({ at: a.completedAt ?? a.scheduledAt, attempts: String(last), outcome: 'failed', ...failureFields(a.failure) });
  else if (a.result) {
    const r = a.result as { status: 'submitted' | 'already-applied' | 'conflict'; requestId?: string; attempt?: number };
    out.push({ at: a.completedAt ?? a.scheduledAt, attempts: String(r.attempt ?? last), outcome: r.status, ...(r.requestId ? { requestId: r.requestId } : {}) });
  }
  return out;
}

function failureFields(f: FailureInfo): Pick<SubmissionAttempt, 'code' | 'requestId' | 'message'> {
  return { ...(f.details?.code ? { code: f.details.code } : {}), ...(f.details?.requestId ? { requestId: f.details.requestId } : {}), message: f.message };
}

/**
 * What the workflow would have written as the final ledger row (ledger-entry.ts finishedEntry): who decided comes
 * from the run's result, or else from the same rules the workflow applies (final-decision.ts).
 */
function finalDecision(t: DecisionTimeline, decision: PolicyDecision, submitted: { outcome: 'approve' | 'reject'; note: string }, result: DecisionRecord | undefined, timersFired: number, noteMaxLength: number): DecisionTimeline['final'] {
  const last = t.submissions.at(-1);
  let decided: Pick<DecisionRecord, 'source' | 'decidedBy'> | undefined = result;
  if (!result && t.escalated) {
    const tally = tallyReviews(t.reviews.map((r) => ({ ...r, outcome: r.outcome as 'approve' | 'reject' })), decision.escalation?.requiredApprovals ?? 1);
    decided = tally ? reviewerFinalDecision(tally, noteMaxLength) : timersFired > 0 ? deadlineFinalDecision(decision.escalation?.deadlineHours ?? 0, noteMaxLength) : undefined;
  } else if (!result && decision.outcome !== 'escalate') {
    decided = ruleFinalDecision(decision, decision.outcome);
  }
  return {
    outcome: submitted.outcome,
    ...(decided ? ledgerDecider(decided, t.submissionStatus ? ledgerStateFor(t.submissionStatus) : undefined) : {}),
    note: result?.note ?? submitted.note,
    ...(last?.requestId ? { requestId: last.requestId } : {}),
    ...(last?.outcome === 'failed' && last.code ? { errorCode: last.code } : {}),
    ...(last && last.outcome !== 'failed' ? { attempts: Number(last.attempts) } : last ? { attempts: 0 } : {}),
  };
}

/** The fields of two decisions that differ: outcome, fired rules, or any condition's value or result. */
function decisionDifferences(recorded: PolicyDecision, again: PolicyDecision): string[] {
  const out: string[] = [];
  if (recorded.outcome !== again.outcome) out.push(`outcome: the run decided ${recorded.outcome}, re-evaluation gives ${again.outcome}`);
  const names = (d: PolicyDecision) => d.firedRules.map((r) => r.name).join(', ') || '(none)';
  if (names(recorded) !== names(again)) out.push(`fired rules: the run had ${names(recorded)}, re-evaluation gives ${names(again)}`);
  const byName = new Map(again.explanation.map((r) => [r.name, canonicalJson(r)]));
  for (const rule of recorded.explanation) {
    if (byName.get(rule.name) !== canonicalJson(rule)) out.push(`explanation of rule ${rule.name}: the facts it saw differ from the recorded facts`);
  }
  return out;
}
