import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { parseListFilter, parseSince } from './list-filter.js';

const now = new Date('2026-12-04T12:00:00.000Z');

describe('the decision list filters', () => {
  it('reads --since as a duration back from now or as an ISO date', () => {
    expect(parseSince('30m', now).toISOString()).toBe('2026-12-04T11:30:00.000Z');
    expect(parseSince('24h', now).toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-11-27T12:00:00.000Z');
    expect(parseSince('2w', now).toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(parseSince('2026-12-01', now).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseSince('2026-12-01T09:30:00+08:00', now).toISOString()).toBe('2026-12-01T01:30:00.000Z');
  });

  it('refuses what Date() would silently misread', () => {
    for (const text of ['1', 'March 7', 'yesterday', '24 h', '-1h', '2026-13-45', '']) {
      expect(() => parseSince(text, now), text).toThrow(InvalidInputError);
    }
  });

  it('names the filter at fault', () => {
    expect(parseListFilter({ since: '1h', outcome: 'pending', state: 'pending', platformId: 'P1', limit: '10' }, now)).toEqual({
      since: new Date('2026-12-04T11:00:00.000Z'), outcome: 'pending', state: 'pending', platformId: 'P1', limit: 10,
    });
    expect(() => parseListFilter({ limit: '1001' })).toThrow(/^limit: must be a whole number from 1 to 1000; got "1001"$/);
    expect(() => parseListFilter({ platformId: 'P 1' })).toThrow(/^platformId: must be letters, digits/);
    expect(() => parseListFilter({ outcome: 'Approve' })).toThrow(/^outcome: must be one of approve, reject, pending/);
  });
});
