// intakeWorkflow: what the intake Schedule runs for one platform every INTAKE_INTERVAL_SECONDS. A single
// activity does the work (page the processing approvals, start a workflow for each new one); the workflow
// exists so each run has a history, a retry policy and a place in the Temporal UI.
import { proxyActivities } from '@temporalio/workflow';
import type { IntakeActivities } from '../activities/index.js';
import type { PickUpSummary } from '../activities/pick-up-approvals.js';
import { nonRetryableFailureTypes } from '../failures/types.js';

const { pickUpApprovals } = proxyActivities<IntakeActivities>({
  startToCloseTimeout: '10m',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '2s', maximumInterval: '1m', maximumAttempts: 5, nonRetryableErrorTypes: nonRetryableFailureTypes },
});

export async function intakeWorkflow(input: { platformId: string }): Promise<PickUpSummary> {
  return await pickUpApprovals(input);
}
