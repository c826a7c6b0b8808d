// Every side effect of release-gate lives in an activity. createActivities takes its dependencies as small
// interfaces, so the worker passes real clients and tests pass real local servers (the emulator, a test
// database). Three groups, because they run in different places:
// - approval: local activities of the approval workflow (facts, policy, ledger);
// - submit: the TCMPP submission, on the rate-limited submit task queue;
// - intake: picking approvals up from TCMPP and starting their workflows.
import type { Ledger } from '../ledger/ledger-store.js';
import type { LedgerEntry } from '../ledger/types.js';
import type { Logger } from '../logging/logger.js';
import type { TcmppClient } from '../tcmpp/client.js';
import { gatherFacts, type FactSources, type GatherFactsInput } from './facts/gather-facts.js';
import { translatingFailures } from './failures.js';
import { createLoadPolicy, type ActivePolicySource } from './load-policy.js';
import { createPickUpApprovals, type ApprovalStarter } from './pick-up-approvals.js';
import { createSubmitDecision } from './submit-decision.js';

export interface ActivityDeps {
  tcmpp: TcmppClient;
  ledger: Ledger;
  policies: ActivePolicySource;
  starter: ApprovalStarter;
  logger: Logger;
  facts: Pick<FactSources, 'policyTimeZone' | 'tcmppTimeZone' | 'historyWindowDays'>;
  now?: () => Date;
}

export function createActivities(deps: ActivityDeps) {
  const sources: FactSources = { tcmpp: deps.tcmpp, ledger: deps.ledger, ...deps.facts, ...(deps.now ? { now: deps.now } : {}) };
  const approval = {
    // Typed, so an AuthFailure or an expired plan is not retried for minutes before the workflow fails safe.
    gatherFacts: (input: GatherFactsInput) => translatingFailures(() => gatherFacts(sources, input)),
    loadPolicy: createLoadPolicy(deps.policies),
    recordDecision: async (entry: LedgerEntry) => {
      await deps.ledger.write(entry);
      deps.logger.info(`ledger: ${entry.approvalNo} ${entry.state}`, {
        platformId: entry.platformId, approvalNo: entry.approvalNo, state: entry.state, outcome: entry.outcome,
        source: entry.source, decidedBy: entry.decidedBy, rules: (entry.firedRules as { name?: string }[]).map((r) => r.name),
      });
    },
  };
  const submit = { submitDecision: createSubmitDecision({ tcmpp: deps.tcmpp, logger: deps.logger.child({ activity: 'submitDecision' }) }) };
  const intake = { pickUpApprovals: createPickUpApprovals({ tcmpp: deps.tcmpp, ledger: deps.ledger, starter: deps.starter, logger: deps.logger.child({ activity: 'pickUpApprovals' }) }) };
  return { approval, submit, intake };
}

export type Activities = ReturnType<typeof createActivities>;
export type ApprovalActivities = Activities['approval'];
export type SubmitActivities = Activities['submit'];
export type IntakeActivities = Activities['intake'];
