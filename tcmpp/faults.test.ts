// Fault classification over real HTTP: which failures the typed client calls retryable, and which leave a
// ProcessMNPApproval's outcome unknown, checked against what the emulator actually did.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLATFORM } from '../emulator/error-cases.js';
import { startEmulator, type RunningEmulator } from '../emulator/server.js';
import { createLogger } from '../logging/logger.js';
import { createTcmppClient, type TcmppClient } from './client.js';
import { TcmppApiError, TcmppNetworkError } from './errors.js';
import type { ProcessMNPApprovalRequest } from './types.js';

let emu: RunningEmulator;
let client: TcmppClient;
const logLines: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ rateLimitPerSecond: 1000 });
  const logger = createLogger('tcmpp', { level: 'debug', write: (line) => logLines.push(line) });
  client = createTcmppClient(emu.clientOptions({ timeoutSeconds: 0.5, logger }));
});
beforeEach(async () => {
  await emu.admin.reset();
});
afterAll(() => emu.stop());

const approve = (ApprovalNo: string, AppId = 'app-cc6g35711m'): ProcessMNPApprovalRequest =>
  ({ ApprovalNo, PlatformId: PLATFORM, ApprovalItems: [{ AppId, ApprovalResult: 3, ApprovalNote: 'ok' }] });

async function failure(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

describe('injected API errors', () => {
  it('retries the server-side and throttling codes, and never the caller-side ones', async () => {
    const verdicts: Record<string, boolean> = {
      InternalError: true,
      'InternalError.DbError': true,
      RequestLimitExceeded: true,
      'RequestLimitExceeded.UinLimitExceeded': true,
      ServiceUnavailable: true,
      'FailedOperation.SystemError': true,
      'AuthFailure.UnauthorizedOperation': false,
      'FailedOperation.NoAccessPermission': false,
      ResourceUnavailable: false,
      UnsupportedOperation: false,
    };
    for (const [code, retryable] of Object.entries(verdicts)) {
      await emu.admin.setFaults({ errors: [{ action: 'ProcessMNPApproval', code, rate: 1, count: 1 }] });
      const err = await failure(client.processMNPApproval(approve('aud8k2m5q1x7z3w9pa')));
      expect(err, code).toBeInstanceOf(TcmppApiError);
      expect((err as TcmppApiError).code).toBe(code);
      expect((err as TcmppApiError).retryable, code).toBe(retryable);
    }
    // An injected error is answered instead of the action: nothing was applied.
    expect(await emu.admin.getApproval(PLATFORM, 'aud8k2m5q1x7z3w9pa')).toMatchObject({ ApprovalStatus: 1, history: [] });
  });
});

describe('lost answers', () => {
  it('applied, then never answered: a timeout whose effect is unknown, and the approval is in fact processed', async () => {
    await emu.admin.setFaults({ appliedThenUnanswered: [{ action: 'ProcessMNPApproval', count: 1, mode: 'hang' }] });
    const err = await failure(client.processMNPApproval(approve('aud8k2m5q1x7z3w9pa')));
    expect(err).toBeInstanceOf(TcmppNetworkError);
    expect(err).toMatchObject({ kind: 'timeout', retryable: true, effectUnknown: true, action: 'ProcessMNPApproval' });
    expect(err.message).toMatch(/may have been applied/);
    const view = await emu.admin.getApproval(PLATFORM, 'aud8k2m5q1x7z3w9pa');
    expect(view).toMatchObject({ ApprovalStatus: 3 });
    expect(view!.history).toEqual([expect.objectContaining({ outcome: 'applied', answered: false })]);
    // Reconciliation reads the status the lost answer would have told.
    const found = await client.findMNPApproval(PLATFORM, 'aud8k2m5q1x7z3w9pa', { applicationId: 'app-cc6g35711m' });
    expect(found.approval?.ApprovalStatus).toBe(3);
    expect((await emu.admin.calls({ action: 'ProcessMNPApproval' })).map((c) => [c.outcome, c.fault])).toEqual([['unanswered', 'unanswered']]);
  });

  it('applied, then the connection closed: a reset whose effect is unknown', async () => {
    await emu.admin.setFaults({ appliedThenUnanswered: [{ action: 'ProcessMNPApproval', count: 1, mode: 'reset' }] });
    const err = await failure(client.processMNPApproval(approve('audr3t9v2c6n1b8yqk')));
    expect(err).toMatchObject({ name: 'TcmppNetworkError', kind: 'connection-reset', retryable: true, effectUnknown: true });
    expect(await emu.admin.getApproval(PLATFORM, 'audr3t9v2c6n1b8yqk')).toMatchObject({ ApprovalStatus: 3 });
  });

  it('a hung connection: a timeout, effect unknown for ProcessMNPApproval (though here nothing was applied), known for reads', async () => {
    await emu.admin.setFaults({ hang: [{ action: '*', count: 2 }] });
    const write = await failure(client.processMNPApproval(approve('audm6p1w4e8j2s5hdx', 'app-a7k3m2p9xz')));
    expect(write).toMatchObject({ name: 'TcmppNetworkError', kind: 'timeout', effectUnknown: true });
    expect(await emu.admin.getApproval(PLATFORM, 'audm6p1w4e8j2s5hdx')).toMatchObject({ ApprovalStatus: 1, history: [] });
    const read = await failure(client.describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'mpk1z6d3rb8nqg5u' }));
    expect(read).toMatchObject({ name: 'TcmppNetworkError', kind: 'timeout', retryable: true, effectUnknown: false });
  });

  it('added latency within the timeout still answers', async () => {
    await emu.admin.setFaults({ latency: [{ action: 'DescribeMNPDetail', ms: 100 }] });
    const detail = await client.describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'mpk1z6d3rb8nqg5u' });
    expect(detail.Data?.MNPName).toBe('Food Court');
    expect((await emu.admin.calls()).map((c) => [c.outcome, c.fault])).toEqual([['success', 'latency']]);
  });

  it('a refused connection: the request never left, so its effect is known (none)', async () => {
    const gone = await startEmulator();
    const options = gone.clientOptions({ timeoutSeconds: 2 });
    await gone.stop();
    const err = await failure(createTcmppClient(options).processMNPApproval(approve('aud8k2m5q1x7z3w9pa')));
    expect(err).toMatchObject({ name: 'TcmppNetworkError', kind: 'connection-refused', retryable: true, effectUnknown: false });
  });
});

describe('the secret key', () => {
  it('appears in no error and no log line, whatever failed', async () => {
    const errors: unknown[] = [];
    await emu.admin.setFaults({ errors: [{ action: 'DescribeMNPDetail', code: 'InternalError', rate: 1, count: 1 }], hang: [{ action: 'DescribeMNPSensitiveAPIPermissionApprovalList', count: 1 }] });
    errors.push(await failure(client.describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'mpk1z6d3rb8nqg5u' })));
    errors.push(await failure(client.describeMNPSensitiveAPIPermissionApprovalList({ PlatformId: PLATFORM, Offset: 0, Limit: 1 })));
    errors.push(await failure(client.processMNPApproval(approve('aude2w8p6k4m1x9cqa'))));
    errors.push(await failure(createTcmppClient(emu.clientOptions({ secretKey: `${emu.secretKey}-wrong` })).describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'x' })));
    await client.describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'mpk1z6d3rb8nqg5u' });
    expect(logLines.length).toBeGreaterThan(4);
    for (const err of errors) {
      const e = err as Error;
      const shown = [String(e), e.stack ?? '', JSON.stringify(e), JSON.stringify(Object.entries(e))].join('\n');
      expect(shown).not.toContain(emu.secretKey);
    }
    for (const line of logLines) expect(line).not.toContain(emu.secretKey);
    expect(JSON.stringify(client)).not.toContain(emu.secretKey);
  });
});
