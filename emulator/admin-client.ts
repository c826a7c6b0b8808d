// A typed client of the emulator's admin API, for tests and tools in other folders. Uses the global fetch.
import type { ApprovalView, CallRecord, FaultSettings, FaultSettingsInput, NewApproval, NewSensitiveApiApproval } from './admin-types.js';
import type { SensitiveApiApprovalFixture } from './fixtures.js';

export interface EmulatorAdminClient {
  health(): Promise<{ ok: boolean; secretId: string; platforms: string[] }>;
  /** Adds a processing (or given-status) approval; returns it as the emulator keeps it. */
  addApproval(approval: NewApproval): Promise<ApprovalView>;
  /** An approval's status, approver, note, time and every ProcessMNPApproval that named it; undefined if none. */
  getApproval(platformId: string, approvalNo: string): Promise<ApprovalView | undefined>;
  addSensitiveApiApproval(approval: NewSensitiveApiApproval): Promise<SensitiveApiApprovalFixture & { PlatformId: string }>;
  /** The call log, oldest first; `sinceSeq` keeps only calls after that sequence number. */
  calls(filter?: { action?: string; sinceSeq?: number }): Promise<CallRecord[]>;
  /** Empties the call log; returns how many calls it held. */
  resetCalls(): Promise<number>;
  faults(): Promise<FaultSettings>;
  /** Replaces every fault rule. */
  setFaults(settings: FaultSettingsInput): Promise<FaultSettings>;
  clearFaults(): Promise<void>;
  /** Back to the fixtures: state, call log, faults and rate windows. */
  reset(): Promise<void>;
}

export class EmulatorAdminError extends Error {
  override name = 'EmulatorAdminError';
  constructor(readonly status: number, readonly path: string, message: string) {
    super(`emulator admin ${path} answered ${status}: ${message}`);
  }
}

export function createEmulatorAdminClient(baseUrl: string): EmulatorAdminClient {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new EmulatorAdminError(res.status, path, payload.error ?? res.statusText);
    return payload;
  }
  const enc = encodeURIComponent;
  return {
    health: () => call('GET', 'health'),
    addApproval: (approval) => call('POST', 'approvals', approval),
    getApproval: async (platformId, approvalNo) => {
      try {
        return await call<ApprovalView>('GET', `approvals/${enc(platformId)}/${enc(approvalNo)}`);
      } catch (err) {
        if (err instanceof EmulatorAdminError && err.status === 404) return undefined;
        throw err;
      }
    },
    addSensitiveApiApproval: (approval) => call('POST', 'sensitive-api-approvals', approval),
    calls: async (filter = {}) => {
      const query = new URLSearchParams();
      if (filter.action !== undefined) query.set('action', filter.action);
      if (filter.sinceSeq !== undefined) query.set('since', String(filter.sinceSeq));
      const qs = query.toString();
      return (await call<{ calls: CallRecord[] }>('GET', `calls${qs ? `?${qs}` : ''}`)).calls;
    },
    resetCalls: async () => (await call<{ cleared: number }>('DELETE', 'calls')).cleared,
    faults: () => call('GET', 'faults'),
    setFaults: (settings) => call('PUT', 'faults', settings),
    clearFaults: async () => { await call('DELETE', 'faults'); },
    reset: async () => { await call('POST', 'reset'); },
  };
}
