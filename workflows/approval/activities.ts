// The activity proxies of the approval workflow. Fetching facts, loading the policy and writing the ledger are
// local activities (no task-queue round trip, DESIGN.md measured facts); the submission is a regular activity on
// its own task queue, because it must be rate limited for the whole queue and retried on its own schedule.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ApprovalActivities, SubmitActivities } from '../../activities/index.js';
import { nonRetryableFailureTypes } from '../../failures/types.js';
import type { ApprovalSettings } from './types.js';

export const { gatherFacts } = proxyLocalActivities<ApprovalActivities>({
  startToCloseTimeout: '2m',
  // TCMPP or PostgreSQL hiccups are retried for a while; after that the workflow fails safe to a human.
  retry: { initialInterval: '1s', maximumInterval: '30s', maximumAttempts: 8, nonRetryableErrorTypes: nonRetryableFailureTypes },
});

export const { loadPolicy } = proxyLocalActivities<ApprovalActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '30s', maximumAttempts: 8, nonRetryableErrorTypes: nonRetryableFailureTypes },
});

// The ledger write is retried until PostgreSQL is back: a decision must never be sent without being recorded.
export const { recordDecision } = proxyLocalActivities<ApprovalActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

export function submitActivities(settings: ApprovalSettings) {
  return proxyActivities<SubmitActivities>({
    taskQueue: settings.submitTaskQueue,
    // A TCMPP timeout, a wait for a rate-limit slot and a reconciliation read all fit in one attempt.
    startToCloseTimeout: '2m',
    // The activity heartbeats while it runs: a worker that dies is noticed in 20 s, not 2 minutes.
    heartbeatTimeout: '20s',
    // Transient failures are retried for a day (TCMPP outages); then the workflow records the failure.
    scheduleToCloseTimeout: '24h',
    retry: {
      initialInterval: settings.submitRetry?.initialIntervalMs ?? 1000,
      maximumInterval: settings.submitRetry?.maximumIntervalMs ?? 60_000,
      backoffCoefficient: 2,
      nonRetryableErrorTypes: nonRetryableFailureTypes,
    },
  });
}
