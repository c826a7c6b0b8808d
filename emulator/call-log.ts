// Every request to the API port, in arrival order, for tests and for people watching a dev stack. Bounded, so a
// long-running emulator does not grow without end: the oldest records go first.
import type { CallRecord } from './admin-types.js';

export const CALL_LOG_LIMIT = 10_000;

export class CallLog {
  private records: CallRecord[] = [];
  private seq = 0;

  /** Starts a record; the caller fills in the outcome as the call proceeds (the object is the log's own). */
  open(init: Omit<CallRecord, 'seq' | 'outcome'>): CallRecord {
    const record: CallRecord = { seq: ++this.seq, outcome: 'hung', ...init };
    this.records.push(record);
    if (this.records.length > CALL_LOG_LIMIT) this.records.splice(0, this.records.length - CALL_LOG_LIMIT);
    return record;
  }

  list(filter: { action?: string; sinceSeq?: number } = {}): CallRecord[] {
    return this.records
      .filter((r) => (filter.action === undefined || r.action === filter.action) && (filter.sinceSeq === undefined || r.seq > filter.sinceSeq))
      .map((r) => ({ ...r }));
  }

  /** Empties the log; returns how many records it held. Sequence numbers keep counting. */
  reset(): number {
    const n = this.records.length;
    this.records = [];
    return n;
  }
}
