// The filters of the decision list (`release-gate decisions`, GET /api/approvals), parsed one way for both.
// Each parser throws InvalidInputError with what is wrong; the caller names the option or query parameter.
import type { LedgerFilter, LedgerState } from '../ledger/types.js';
import { InvalidInputError } from './errors.js';

const ledgerStates: readonly LedgerState[] = ['pending', 'decided', 'conflict', 'failed'];
const outcomeFilters: readonly NonNullable<LedgerFilter['outcome']>[] = ['approve', 'reject', 'pending'];
const maxListLimit = 1000;

const durationUnits: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A date (2026-12-01, or an ISO timestamp) or a duration back from now (30m, 24h, 7d, 2w). */
export function parseSince(text: string, now: Date = new Date()): Date {
  const value = text.trim();
  const duration = /^(\d{1,6})([mhdw])$/.exec(value);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * durationUnits[duration[2]!]!);
  // Only ISO shapes: Date() also accepts "1" or "March 7", which would silently filter on a surprising date.
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const date = new Date(value.replace(' ', 'T'));
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new InvalidInputError(`must be a date (2026-12-01, 2026-12-01T09:30:00Z) or a duration back from now (30m, 24h, 7d, 2w); got ${JSON.stringify(text)}`);
}

export function parseOutcomeFilter(text: string): NonNullable<LedgerFilter['outcome']> {
  const found = outcomeFilters.find((o) => o === text);
  if (!found) throw new InvalidInputError(`must be one of ${outcomeFilters.join(', ')}; got ${JSON.stringify(text)}`);
  return found;
}

export function parseStateFilter(text: string): LedgerState {
  const found = ledgerStates.find((s) => s === text);
  if (!found) throw new InvalidInputError(`must be one of ${ledgerStates.join(', ')}; got ${JSON.stringify(text)}`);
  return found;
}

export function parseLimit(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > maxListLimit) throw new InvalidInputError(`must be a whole number from 1 to ${maxListLimit}; got ${JSON.stringify(text)}`);
  return n;
}

/** Platform ids and approval numbers: what TCMPP issues (letters, digits, '_', '.', '-'). */
export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(value);
}

export function parseIdentifier(text: string): string {
  if (!isIdentifier(text)) throw new InvalidInputError(`must be letters, digits, '_', '.' or '-' (at most 128); got ${JSON.stringify(text)}`);
  return text;
}

/**
 * A ledger filter from named text values (GET /api/approvals' query string), naming the bad one. The CLI parses
 * each option with the same parsers through commander instead (cli/options.ts), so its messages name the option.
 */
export function parseListFilter(values: Partial<Record<'since' | 'outcome' | 'state' | 'platformId' | 'limit', string>>, now?: Date): LedgerFilter {
  const filter: LedgerFilter = {};
  const named = <T>(name: string, parse: () => T): T => {
    try {
      return parse();
    } catch (err) {
      throw new InvalidInputError(`${name}: ${(err as Error).message}`);
    }
  };
  if (values.since !== undefined) filter.since = named('since', () => parseSince(values.since!, now));
  if (values.outcome !== undefined) filter.outcome = named('outcome', () => parseOutcomeFilter(values.outcome!));
  if (values.state !== undefined) filter.state = named('state', () => parseStateFilter(values.state!));
  if (values.platformId !== undefined) filter.platformId = named('platformId', () => parseIdentifier(values.platformId!));
  if (values.limit !== undefined) filter.limit = named('limit', () => parseLimit(values.limit!));
  return filter;
}
