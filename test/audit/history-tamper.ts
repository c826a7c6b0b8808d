// Alters what a recorded history says a local activity returned (the facts, say), the way someone editing an
// exported file would: the marker's result payload is JSON in base64.
import { readFile } from 'node:fs/promises';

interface JsonEvent {
  eventType: string;
  markerRecordedEventAttributes?: { details: { data: { payloads: { data: string }[] }; result?: { payloads: { data: string }[] } } };
}

const decode = (data: string): unknown => JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

/** The history file as JSON with the result of local activity `activityType` replaced by `alter(result)`. */
export async function withAlteredLocalActivityResult(file: string, activityType: string, alter: (result: unknown) => unknown): Promise<{ events: JsonEvent[] }> {
  const json = JSON.parse(await readFile(file, 'utf8')) as { events: JsonEvent[] };
  const marker = json.events.find((e) => {
    const payload = e.markerRecordedEventAttributes?.details.data.payloads[0];
    return payload !== undefined && (decode(payload.data) as { activity_type?: string }).activity_type === activityType;
  });
  const result = marker?.markerRecordedEventAttributes?.details.result?.payloads[0];
  if (!result) throw new Error(`${file}: no recorded result of ${activityType}`);
  result.data = encode(alter(decode(result.data)));
  return json;
}
