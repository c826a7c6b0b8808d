// TCMPP writes times as "YYYY-MM-DD HH:mm:ss" without a zone (ApplyTime, UpdateTime) or as Unix seconds
// (CreateTime). The zone of the former is configured (TCMPP_TIME_ZONE); facts carry ISO-8601 instants.

/** The instant of a TCMPP local time in `timeZone`, as ISO-8601; null when the text is not such a time. */
export function tcmppTimeToIso(text: string | undefined, timeZone: string): string | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (!iso) {
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
  }
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) return new Date(Date.parse(text.trim().replace(' ', 'T'))).toISOString();
  const [, y, mo, d, h, mi, s] = iso.map(Number) as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // The zone's offset at that moment; twice, because the first guess can sit on the other side of a DST change.
  let instant = asUtc - offsetMs(asUtc, timeZone);
  instant = asUtc - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

export function unixSecondsToIso(seconds: number | undefined): string | null {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000).toISOString();
}

function offsetMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  for (const p of f.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour! % 24, parts.minute, parts.second);
  return local - Math.floor(instant / 1000) * 1000;
}
