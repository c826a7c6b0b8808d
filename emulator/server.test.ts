// The emulator's gate over real HTTP, with hand-signed requests: what it refuses and with which code, and that a
// request with a wrong signature is never applied, whatever else about it is right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server.js';
import { authorizationFor } from './signature.js';
import { rawCall, type RawCallOptions } from './test-signing.js';

const PLATFORM = 'T04257DS9431720WTAG';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const approve = {
  ApprovalNo: 'aud4u4c07kp6rxiobb',
  ApprovalItems: [{ AppId: 'app-cc6g35711m', ApprovalResult: 3, ApprovalNote: 'autotest approval pass' }],
  PlatformId: PLATFORM,
};

let emu: RunningEmulator;
let other: { secretId: string; secretKey: string };
const call = (o: Partial<RawCallOptions>) => rawCall(emu.url, { secretId: emu.secretId, secretKey: emu.secretKey, ...o });

beforeAll(async () => {
  other = { secretId: 'AKIDotheraccount0000000000000000', secretKey: 'other-account-key' };
  emu = await startEmulator({ extraAccounts: [other], rateLimitPerSecond: 1000 });
});
afterAll(() => emu.stop());

describe('signature and common parameters', () => {
  it('answers a correctly signed request with HTTP 200, data and a UUID RequestId', async () => {
    const { status, json } = await call({ params: { PlatformId: PLATFORM, Offset: 0, Limit: 1 } });
    expect(status).toBe(200);
    expect(json.Response.Error).toBeUndefined();
    expect(json.Response.RequestId).toMatch(UUID);
    expect(json.Response.Data).toMatchObject({ TotalCount: 18 });
  });

  it('never applies a request whose signature is wrong', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify(approve);
    const sign = (over: Partial<Parameters<typeof authorizationFor>[0]>) =>
      authorizationFor({ secretId: emu.secretId, secretKey: emu.secretKey, service: 'tcmpp', host: '127.0.0.1', timestamp: now, payload: body, ...over });
    const wrong: [string, Partial<RawCallOptions>][] = [
      ['signed with another key', { authorization: sign({ secretKey: `${emu.secretKey}x` }) }],
      ["signed with another account's key", { authorization: sign({ secretKey: other.secretKey }) }],
      ['body changed after signing', { tamperBody: (b) => b.replace('"ApprovalResult":3', '"ApprovalResult":2') }],
      ['signed for another body', { authorization: sign({ payload: '{}' }) }],
      ['signed for another timestamp', { authorization: sign({ timestamp: now - 60 }) }],
      ['signed for another host', { authorization: sign({ host: 'tcmpp.tencentcloudapi.com' }) }],
      ['signed for another content type', { authorization: sign({ contentType: 'application/json; charset=utf-8' }) }],
      ['signature of all zeros', { authorization: sign({}).replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`) }],
    ];
    for (const [why, o] of wrong) {
      const { json } = await call({ action: 'ProcessMNPApproval', body, timestamp: now, ...o });
      expect(json.Response.Error?.Code, why).toBe('AuthFailure.SignatureFailure');
      expect(json.Response.RequestId, why).toMatch(UUID);
    }
    const approval = await emu.admin.getApproval(PLATFORM, 'aud4u4c07kp6rxiobb');
    expect(approval).toMatchObject({ ApprovalStatus: 1, history: [] });
  });

  it('refuses each broken part with the code the API gives', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, Partial<RawCallOptions>, string][] = [
      ['unknown SecretId', { secretId: 'AKIDnosuchid000000000000000000000' }, 'AuthFailure.SecretIdNotFound'],
      ['timestamp 301 s behind', { timestamp: now - 301 }, 'AuthFailure.SignatureExpire'],
      ['timestamp 301 s ahead', { timestamp: now + 301 }, 'AuthFailure.SignatureExpire'],
      ['no Authorization', { authorization: null }, 'AuthFailure.InvalidAuthorization'],
      ['another algorithm', { authorization: 'HMAC-SHA256 Credential=x' }, 'AuthFailure.InvalidAuthorization'],
      ['unknown action', { action: 'DeleteEverything' }, 'InvalidAction'],
      ['action inherited from Object', { action: 'toString' }, 'InvalidAction'],
      ['unknown version', { version: '2017-03-12' }, 'NoSuchVersion'],
      ['no version', { version: null }, 'MissingParameter'],
      ['no region', { region: null }, 'MissingParameter'],
      ['GET', { method: 'GET' }, 'UnsupportedProtocol'],
      ['form body (signature v1)', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 'UnsupportedProtocol'],
      ['body not JSON', { body: '{"PlatformId":' }, 'InvalidParameter'],
      ['body a JSON array', { body: '[]' }, 'InvalidParameter'],
    ];
    for (const [why, o, code] of cases) {
      const { status, json } = await call({ params: { PlatformId: PLATFORM, Offset: 0, Limit: 1 }, ...o });
      expect(status, why).toBe(200);
      expect(json.Response.Error?.Code, why).toBe(code);
      expect(json.Response.RequestId, why).toMatch(UUID);
    }
    const fine = await call({ params: { PlatformId: PLATFORM, Offset: 0, Limit: 1 }, timestamp: now - 299 });
    expect(fine.json.Response.Error).toBeUndefined();
  });

  it('keeps each account to its own rate window', async () => {
    const limited = await startEmulator({ extraAccounts: [other], rateLimitPerSecond: 3, now: () => new Date('2026-12-04T10:00:00Z') });
    try {
      const timestamp = Math.floor(new Date('2026-12-04T10:00:00Z').getTime() / 1000);
      const send = (account: { secretId: string; secretKey: string }) =>
        rawCall(limited.url, { ...account, timestamp, params: { PlatformId: PLATFORM, Offset: 0, Limit: 1 } }).then((r) => r.json.Response.Error?.Code ?? 'ok');
      const mine = await Promise.all(Array.from({ length: 5 }, () => send(limited)));
      expect(mine.sort()).toEqual(['RequestLimitExceeded', 'RequestLimitExceeded', 'ok', 'ok', 'ok']);
      expect(await send(other)).toBe('ok');
    } finally {
      await limited.stop();
    }
  });
});

describe('admin API', () => {
  it('adds an approval, which the API then lists and processes, with its history', async () => {
    const added = await emu.admin.addApproval({ PlatformId: PLATFORM, ApplicationId: 'app-4hq2x8r1vd', MNPId: 'mpnewlyadded0001', MNPVersion: '0.1.0', MiniProgram: { MNPName: 'Queue Ticket' } });
    expect(added).toMatchObject({ PlatformId: PLATFORM, ApprovalStatus: 1, MNPVersion: '0.1.0', history: [] });
    expect(added.ApprovalNo).toMatch(/^aud[a-z0-9]{15}$/);
    const listed = await call({ params: { PlatformId: PLATFORM, Offset: 0, Limit: 100, Keyword: 'queue' } });
    expect((listed.json.Response.Data as { DataList: { ApprovalNo: string }[] }).DataList.map((r) => r.ApprovalNo)).toEqual([added.ApprovalNo]);

    const reject = { ApprovalNo: added.ApprovalNo, PlatformId: PLATFORM, ApprovalItems: [{ AppId: 'app-4hq2x8r1vd', ApprovalResult: 2, ApprovalNote: 'Icon missing' }] };
    expect((await call({ action: 'ProcessMNPApproval', params: reject })).json.Response.Data).toEqual({ Result: true });
    const view = await emu.admin.getApproval(PLATFORM, added.ApprovalNo);
    expect(view).toMatchObject({ ApprovalStatus: 2, ApprovalNote: 'Icon missing', ApprovalUser: 'api-user' });
    expect(view!.history).toEqual([expect.objectContaining({ outcome: 'applied', statusBefore: 1, statusAfter: 2, answered: true, secretId: emu.secretId })]);
  });

  it('explains bad admin input and unknown things', async () => {
    await expect(emu.admin.addApproval({ PlatformId: PLATFORM, ApplicationId: 'app-nope', MNPId: 'x', MNPVersion: '1.0.0' })).rejects.toThrow(/400: no application app-nope/);
    await expect(emu.admin.addApproval({ PlatformId: 'T0', ApplicationId: 'a', MNPId: 'x', MNPVersion: '1' })).rejects.toThrow(/404: no platform T0/);
    await expect(emu.admin.addApproval({ PlatformId: PLATFORM, ApprovalNo: 'aud4u4c07kp6rxiobb', ApplicationId: 'app-cc6g35711m', MNPId: 'mpg9yjc0qbpkelik', MNPVersion: '1.0.278' }))
      .rejects.toThrow(/409: approval aud4u4c07kp6rxiobb already exists/);
    await expect(emu.admin.setFaults({ errors: [{ code: 'InternalError', rate: 7 }] })).rejects.toThrow(/400: errors\.0\.rate/);
    expect(await emu.admin.getApproval(PLATFORM, 'aud-none')).toBeUndefined();
    const res = await fetch(`${emu.url}/_emulator/nothing`);
    expect(res.status).toBe(404);
  });

  it('keeps a call log to read and reset, and resets to the fixtures', async () => {
    await emu.admin.resetCalls();
    await call({ params: { PlatformId: PLATFORM, Offset: 0, Limit: 1 } });
    await call({ action: 'DescribeMNPDetail', params: { PlatformId: PLATFORM, MNPId: 'nope' } });
    const calls = await emu.admin.calls();
    expect(calls.map((c) => [c.action, c.outcome, c.code])).toEqual([
      ['DescribeMNPApprovalList', 'success', undefined],
      ['DescribeMNPDetail', 'error', 'FailedOperation.RecordNotFound'],
    ]);
    expect(calls[0]).toMatchObject({ secretId: emu.secretId, requestId: expect.stringMatching(UUID) as unknown, params: { PlatformId: PLATFORM } });
    expect(await emu.admin.calls({ action: 'DescribeMNPDetail' })).toHaveLength(1);
    expect(await emu.admin.calls({ sinceSeq: calls[0]!.seq })).toHaveLength(1);
    expect(await emu.admin.resetCalls()).toBe(2);

    await emu.admin.setFaults({ hang: [{ action: 'DescribeMNPDetail' }] });
    await emu.admin.reset();
    expect(await emu.admin.faults()).toMatchObject({ hang: [] });
    expect(await emu.admin.calls()).toEqual([]);
    expect((await emu.admin.health()).platforms).toEqual([PLATFORM, 'T07781XK2203915QPLM']);
  });
});
