// The intake Schedules: one per configured platform, running intakeWorkflow every INTAKE_INTERVAL_SECONDS.
// Installed by every worker at start-up (create, or update to the current interval), so the configuration is
// the source of truth; a schedule of a platform no longer configured is deleted.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Logger } from '../logging/logger.js';
import { intakeScheduleId } from '../workflows/approval/ids.js';
import type { intakeWorkflow } from '../workflows/intake.js';

export interface IntakeScheduleOptions {
  platformIds: readonly string[];
  intervalSeconds: number;
  taskQueue: string;
}

const schedulePrefix = intakeScheduleId('');

export async function ensureIntakeSchedules(client: Client, opts: IntakeScheduleOptions, logger: Logger): Promise<void> {
  for (const platformId of opts.platformIds) {
    const scheduleId = intakeScheduleId(platformId);
    const spec = { intervals: [{ every: `${opts.intervalSeconds}s` }] };
    const action = {
      type: 'startWorkflow' as const,
      workflowType: 'intakeWorkflow',
      workflowId: `intake:${platformId}`,
      taskQueue: opts.taskQueue,
      args: [{ platformId }] as Parameters<typeof intakeWorkflow>,
    };
    try {
      // SKIP: a slow intake run (thousands of approvals) is never overlapped by the next one.
      await client.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
      logger.info('intake schedule created', { scheduleId, every: `${opts.intervalSeconds}s` });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
      logger.info('intake schedule updated', { scheduleId, every: `${opts.intervalSeconds}s` });
    }
  }
  const wanted = new Set(opts.platformIds.map(intakeScheduleId));
  for await (const schedule of client.schedule.list()) {
    if (schedule.scheduleId.startsWith(schedulePrefix) && !wanted.has(schedule.scheduleId)) {
      await client.schedule.getHandle(schedule.scheduleId).delete();
      logger.info('intake schedule deleted: its platform is no longer configured', { scheduleId: schedule.scheduleId });
    }
  }
}

/** Runs a platform's intake now instead of at the next interval. */
export async function triggerIntake(client: Client, platformId: string): Promise<void> {
  await client.schedule.getHandle(intakeScheduleId(platformId)).trigger(ScheduleOverlapPolicy.SKIP);
}
