// Reads the facts of an approval workflow's run out of its history events: the request it started with, each
// local activity's result (MARKER_RECORDED, marker "core_local_activity"), each regular activity's attempts,
// every accepted Update, and how the run ended. Payloads decode with the default payload converter, as the
// workflow's own did.
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { History } from './proto-json.js';

type Event = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;
type Failure = temporal.api.failure.v1.IFailure | null | undefined;

export interface FailureInfo {
  message: string;
  type?: string;
  nonRetryable?: boolean;
  /** The first detail of an ApplicationFailure: our activities put the TCMPP code and RequestId there. */
  details?: { code?: string; requestId?: string; action?: string; effectUnknown?: boolean };
}

export interface LocalActivityRecord {
  at: string;
  activityType: string;
  attempt: number;
  result?: unknown;
  failure?: FailureInfo;
}

export interface ActivityRecord {
  activityType: string;
  scheduledAt: string;
  input: unknown;
  /** Attempt of the final try (earlier tries leave only the last failure before it, in lastFailure). */
  attempt?: number;
  lastFailure?: FailureInfo;
  completedAt?: string;
  result?: unknown;
  failure?: FailureInfo;
}

export interface UpdateRecord {
  name: string;
  updateId: string;
  acceptedAt: string;
  input: unknown;
  identity?: string;
  result?: unknown;
}

export type RunEnd =
  | { status: 'completed'; at: string; result: unknown }
  | { status: 'failed'; at: string; failure: FailureInfo }
  | { status: 'running' }
  | { status: 'terminated' | 'canceled' | 'timed-out' | 'continued-as-new'; at: string; reason?: string };

export interface RunRecord {
  workflowType: string;
  workflowId?: string;
  /** The run id the start event was written with (a reset run keeps its original's; callers who know better say so). */
  runId?: string;
  startedAt: string;
  input: unknown;
  localActivities: LocalActivityRecord[];
  activities: ActivityRecord[];
  updates: UpdateRecord[];
  timersFired: number;
  end: RunEnd;
}

function decodePayloads(payloads: Payloads): unknown[] {
  return (payloads?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p));
}

function decodeFailure(failure: Failure): FailureInfo | undefined {
  if (!failure) return undefined;
  const app = failure.applicationFailureInfo;
  const first = app ? decodePayloads(app.details)[0] : undefined;
  return {
    message: failure.message ?? '',
    ...(app?.type ? { type: app.type } : {}),
    ...(app ? { nonRetryable: Boolean(app.nonRetryable) } : {}),
    ...(first && typeof first === 'object' ? { details: first } : {}),
  };
}

// Seconds are a Long from gRPC but a plain number from parsed JSON, which the SDK's tsToMs does not take.
const when = (e: Event) => {
  const seconds = Number(e.eventTime?.seconds?.toString() ?? 0);
  return new Date(seconds * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6)).toISOString();
};

/** The start event's attributes: a whole history begins with WorkflowExecutionStarted. */
export function startedAttributes(history: History): temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes {
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (!started) throw new Error('the first event is not WorkflowExecutionStarted, so this is not a whole history');
  return started;
}

export function readRun(history: History): RunRecord {
  const events = history.events ?? [];
  const started = startedAttributes(history);
  const run: RunRecord = {
    workflowType: started.workflowType?.name ?? '',
    ...(started.workflowId ? { workflowId: started.workflowId } : {}),
    ...(started.originalExecutionRunId ? { runId: started.originalExecutionRunId } : {}),
    startedAt: when(events[0]!),
    input: decodePayloads(started.input)[0],
    localActivities: [], activities: [], updates: [], timersFired: 0,
    end: { status: 'running' },
  };
  const activities = new Map<string, ActivityRecord>();
  const updates = new Map<string, UpdateRecord>();
  for (const e of events) {
    const at = when(e);
    const id = String(e.eventId);
    if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') {
      const m = e.markerRecordedEventAttributes;
      const data = decodePayloads(m.details?.data)[0] as { activity_type?: string; attempt?: number } | undefined;
      const failure = decodeFailure(m.failure);
      run.localActivities.push({
        at, activityType: data?.activity_type ?? '?', attempt: data?.attempt ?? 1,
        ...(failure ? { failure } : { result: decodePayloads(m.details?.result)[0] }),
      });
    } else if (e.activityTaskScheduledEventAttributes) {
      const a = e.activityTaskScheduledEventAttributes;
      const record: ActivityRecord = { activityType: a.activityType?.name ?? '?', scheduledAt: at, input: decodePayloads(a.input)[0] };
      activities.set(id, record);
      run.activities.push(record);
    } else if (e.activityTaskStartedEventAttributes) {
      const a = e.activityTaskStartedEventAttributes;
      const record = activities.get(String(a.scheduledEventId));
      if (record) {
        record.attempt = a.attempt ?? 1;
        const last = decodeFailure(a.lastFailure);
        if (last) record.lastFailure = last;
      }
    } else if (e.activityTaskCompletedEventAttributes) {
      const record = activities.get(String(e.activityTaskCompletedEventAttributes.scheduledEventId));
      if (record) Object.assign(record, { completedAt: at, result: decodePayloads(e.activityTaskCompletedEventAttributes.result)[0] });
    } else if (e.activityTaskFailedEventAttributes) {
      const record = activities.get(String(e.activityTaskFailedEventAttributes.scheduledEventId));
      const failure = decodeFailure(e.activityTaskFailedEventAttributes.failure);
      if (record && failure) Object.assign(record, { completedAt: at, failure });
    } else if (e.activityTaskTimedOutEventAttributes) {
      const record = activities.get(String(e.activityTaskTimedOutEventAttributes.scheduledEventId));
      const failure = decodeFailure(e.activityTaskTimedOutEventAttributes.failure) ?? { message: 'timed out' };
      if (record) Object.assign(record, { completedAt: at, failure });
    } else if (e.workflowExecutionUpdateAcceptedEventAttributes) {
      const u = e.workflowExecutionUpdateAcceptedEventAttributes;
      const request = u.acceptedRequest;
      const record: UpdateRecord = {
        name: request?.input?.name ?? '?', updateId: u.protocolInstanceId ?? request?.meta?.updateId ?? '', acceptedAt: at,
        input: decodePayloads(request?.input?.args)[0],
        ...(request?.meta?.identity ? { identity: request.meta.identity } : {}),
      };
      updates.set(record.updateId, record);
      run.updates.push(record);
    } else if (e.workflowExecutionUpdateCompletedEventAttributes) {
      const u = e.workflowExecutionUpdateCompletedEventAttributes;
      const record = updates.get(u.meta?.updateId ?? '');
      if (record && u.outcome?.success) record.result = decodePayloads(u.outcome.success)[0];
    } else if (e.timerFiredEventAttributes) {
      run.timersFired++;
    } else if (e.workflowExecutionCompletedEventAttributes) {
      run.end = { status: 'completed', at, result: decodePayloads(e.workflowExecutionCompletedEventAttributes.result)[0] };
    } else if (e.workflowExecutionFailedEventAttributes) {
      run.end = { status: 'failed', at, failure: decodeFailure(e.workflowExecutionFailedEventAttributes.failure) ?? { message: '' } };
    } else if (e.workflowExecutionTerminatedEventAttributes) {
      run.end = { status: 'terminated', at, ...(e.workflowExecutionTerminatedEventAttributes.reason ? { reason: e.workflowExecutionTerminatedEventAttributes.reason } : {}) };
    } else if (e.workflowExecutionCanceledEventAttributes) {
      run.end = { status: 'canceled', at };
    } else if (e.workflowExecutionTimedOutEventAttributes) {
      run.end = { status: 'timed-out', at };
    } else if (e.workflowExecutionContinuedAsNewEventAttributes) {
      run.end = { status: 'continued-as-new', at };
    }
  }
  return run;
}
