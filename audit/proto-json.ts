// Workflow histories to and from Temporal's proto JSON (what `temporal workflow show --output json` prints).
//
// Why not historyFromJSON/historyToJSON of @temporalio/common/lib/proto-utils: with this lock file,
// @temporalio/common and @temporalio/proto each get their own copy of protobufjs 8 (the top level holds
// protobufjs 7 for @grpc/proto-loader), so the SDK helper's `instanceof Type` check fails on proto's types with
// "type must be a Type" (and so does Worker.runReplayHistories when handed JSON). Here protojson is loaded from
// the very protobufjs that @temporalio/proto's reflection types come from, whatever the install layout.
import { createRequire } from 'node:module';
import type { temporal } from '@temporalio/proto';

export type History = temporal.api.history.v1.IHistory;

interface ProtoType {
  fromObject(value: unknown): unknown;
}
interface ProtoJson {
  fromJson(type: ProtoType, json: unknown, options: { ignoreUnknownFields: boolean }): unknown;
  toJson(type: ProtoType, message: unknown): unknown;
}

const requireFromProto = createRequire(createRequire(import.meta.url).resolve('@temporalio/proto'));
const protoJson = requireFromProto('protobufjs/ext/protojson') as ProtoJson;
const historyType = (() => {
  requireFromProto('@temporalio/proto'); // registers the `__temporal` root
  const light = requireFromProto('protobufjs/light') as { roots: Record<string, { lookupType(name: string): ProtoType }> };
  return light.roots.__temporal!.lookupType('temporal.api.history.v1.History');
})();

/** Parses proto JSON; enum values may be written EVENT_TYPE_X or, as older tools did, PascalCase. */
export function historyFromJSON(json: unknown): History {
  const given = (json as { events?: unknown } | null)?.events;
  if (typeof json !== 'object' || !Array.isArray(given) || given.length === 0) {
    throw new TypeError('expected {"events": [...]} with at least one event');
  }
  const events = (given as Record<string, unknown>[]).map(fixEvent);
  // Unknown fields come from newer servers or SDKs; the replay needs only what it knows.
  const history = protoJson.fromJson(historyType, { events }, { ignoreUnknownFields: true });
  if (!history) throw new TypeError('not a history');
  return history;
}

export function historyToJSON(history: History): string {
  return JSON.stringify(protoJson.toJson(historyType, historyType.fromObject(history)), null, 2);
}

function fixEvent(event: Record<string, unknown>): Record<string, unknown> {
  if (typeof event !== 'object' || event === null) throw new TypeError(`an event is not an object: ${JSON.stringify(event)}`);
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes'));
  if (!key) throw new TypeError(`event ${String(event.eventId)} has no ...EventAttributes`);
  const attrs = event[key] as Record<string, unknown>;
  const taskQueue = attrs.taskQueue as Record<string, unknown> | undefined;
  return {
    ...event,
    ...fixEnum(event, 'eventType', 'EVENT_TYPE'),
    [key]: {
      ...attrs,
      ...(taskQueue ? { taskQueue: { ...taskQueue, ...fixEnum(taskQueue, 'kind', 'TASK_QUEUE_KIND') } } : {}),
      ...fixEnum(attrs, 'parentClosePolicy', 'PARENT_CLOSE_POLICY'),
      ...fixEnum(attrs, 'workflowIdReusePolicy', 'WORKFLOW_ID_REUSE_POLICY'),
      ...fixEnum(attrs, 'initiator', 'CONTINUE_AS_NEW_INITIATOR'),
      ...fixEnum(attrs, 'retryState', 'RETRY_STATE'),
    },
  };
}

function fixEnum(obj: Record<string, unknown>, attr: string, prefix: string): Record<string, string> {
  const value = obj[attr];
  if (typeof value !== 'string' || value.startsWith(prefix)) return {};
  return { [attr]: `${prefix}_${value.replace(/(?!^)[A-Z]/g, (m) => `_${m}`).toUpperCase()}` };
}
