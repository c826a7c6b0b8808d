import { proxyActivities } from '@temporalio/workflow';

export interface SmokeActivities {
  greet(name: string): Promise<string>;
}

const { greet } = proxyActivities<SmokeActivities>({ startToCloseTimeout: '10s' });

/** Proves a workflow and an activity run on the real server. */
export async function smokeWorkflow(name: string): Promise<string> {
  return await greet(name);
}
