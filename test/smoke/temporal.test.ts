import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../stack/index.js';
import type { smokeWorkflow } from '../workflows/smoke.js';

const stack = useTestStack();

describe('the test stack: Temporal', () => {
  it('runs a workflow and its activity on the real dev server', async () => {
    const workers = await stack.startWorkers({ approvalActivities: { greet: async (name: string) => `hello, ${name}` } });
    const workflowId = `smoke-${randomUUID()}`;
    const result = await stack.client.workflow.execute<typeof smokeWorkflow>('smokeWorkflow', {
      taskQueue: workers.approvalsTaskQueue,
      workflowId,
      args: ['release-gate'],
    });
    expect(result).toBe('hello, release-gate');

    // The server kept a real history of it: started, the activity, completed.
    const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
    const types = (history.events ?? []).map((e) => e.eventType);
    expect(types.length).toBeGreaterThanOrEqual(8);
    expect(String(types.at(-1))).toMatch(/COMPLETED|2$/);
  });
});
