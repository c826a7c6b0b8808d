// The clock facts, computed from one instant and a time zone so that the same inputs always give the same facts
// (the workflow passes Temporal's deterministic time; the CLI passes the wall clock).
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface ClockFacts {
  now: string;
  timeZone: string;
  weekday: Weekday;
  hour: number;
  minute: number;
  date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError on an unknown zone, which is what callers want: a configuration mistake, not a fact.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Weekday, hour, minute and local date of `now` in `timeZone` (an IANA name such as Asia/Singapore). */
export function clockFacts(now: Date | string, timeZone: string): ClockFacts {
  const instant = typeof now === 'string' ? new Date(now) : now;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a valid time: ${String(now)}`);
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const weekday = (parts.weekday ?? '').slice(0, 3).toLowerCase() as Weekday;
  return {
    now: instant.toISOString(),
    timeZone,
    weekday,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}
