// Contract tests of the typed client against the emulator over real HTTP, through the real intl SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { PLATFORM, TARGET, processApprovalErrorCases } from '../emulator/error-cases.js';
import { startEmulator, type RunningEmulator } from '../emulator/server.js';
import { TcmppConfigError, createTcmppClient, tcmppClientOptionsFromConfig, type TcmppClient } from './client.js';
import { TcmppApiError } from './errors.js';
import type { ProcessMNPApprovalRequest } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOTE_MAX = 500;

let emu: RunningEmulator;
let client: TcmppClient;
beforeAll(async () => {
  emu = await startEmulator({ noteMaxLength: NOTE_MAX, rateLimitPerSecond: 1000 });
  client = createTcmppClient(emu.clientOptions({ pageSize: 4 }));
});
afterAll(() => emu.stop());

async function apiError(promise: Promise<unknown>): Promise<TcmppApiError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(TcmppApiError);
  return err as TcmppApiError;
}

describe('ProcessMNPApproval', () => {
  it("answers the API page's example request with the page's example response", async () => {
    const response = await client.processMNPApproval({
      ApprovalNo: 'aud4u4c07kp6rxiobb',
      ApprovalItems: [{ AppId: 'app-cc6g35711m', ApprovalResult: 3, ApprovalNote: 'autotest approval pass' }],
      PlatformId: 'T04257DS9431720WTAG',
    });
    expect(response).toEqual({ Data: { Result: true }, RequestId: expect.stringMatching(UUID) as unknown });
    expect(await emu.admin.getApproval(PLATFORM, 'aud4u4c07kp6rxiobb')).toMatchObject({ ApprovalStatus: 3, ApprovalUser: 'api-user', ApprovalNote: 'autotest approval pass' });
  });

  it('answers each documented error code for its trigger, typed, with its RequestId and retry verdict', async () => {
    for (const c of processApprovalErrorCases(NOTE_MAX)) {
      await c.setup?.(emu.admin);
      const err = await apiError(client.processMNPApproval(c.request as unknown as ProcessMNPApprovalRequest));
      expect(err.code, c.trigger).toBe(c.code);
      expect(err.action).toBe('ProcessMNPApproval');
      expect(err.requestId, c.trigger).toMatch(UUID);
      expect(err.retryable, c.trigger).toBe(c.code === 'InternalError');
      expect(err.message).toContain(err.requestId);
    }
    const target = await emu.admin.getApproval(PLATFORM, TARGET);
    expect(target!.ApprovalStatus).toBe(1);
    // Each refusal that named the approval is in its history; the injected fault never reached it.
    expect(target!.history.every((h) => h.outcome === 'refused' && h.statusAfter === 1)).toBe(true);
    expect(target!.history.map((h) => h.code)).toContain('InvalidParameterValue.ProcessApplicationAndApprovalApplicationMismatch');
  });

  it('never processes an approval twice: the second decision answers ProcessMNPApprovalStatusError', async () => {
    const added = await emu.admin.addApproval({ PlatformId: PLATFORM, ApplicationId: 'app-cc6g35711m', MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.4.2' });
    const approve: ProcessMNPApprovalRequest = { ApprovalNo: added.ApprovalNo, PlatformId: PLATFORM, ApprovalItems: [{ AppId: 'app-cc6g35711m', ApprovalResult: 3 }] };
    await client.processMNPApproval(approve);
    for (const second of [approve, { ...approve, ApprovalItems: [{ AppId: 'app-cc6g35711m', ApprovalResult: 2 as const, ApprovalNote: 'Changed my mind' }] }]) {
      expect((await apiError(client.processMNPApproval(second))).code).toBe('InvalidParameterValue.ProcessMNPApprovalStatusError');
    }
    const view = await emu.admin.getApproval(PLATFORM, added.ApprovalNo);
    expect(view).toMatchObject({ ApprovalStatus: 3, ApprovalNote: '' });
    expect(view!.history.map((h) => [h.outcome, h.statusBefore, h.statusAfter])).toEqual([['applied', 1, 3], ['refused', 3, 3], ['refused', 3, 3]]);
  });
});

describe('authentication', () => {
  it('is refused with a wrong key, an unknown SecretId, or a clock more than 5 minutes off', async () => {
    const wrongKey = createTcmppClient(emu.clientOptions({ secretKey: 'wrong' }));
    const unknownId = createTcmppClient(emu.clientOptions({ secretId: 'AKIDunknown' }));
    const req = { PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' };
    expect((await apiError(wrongKey.describeMNPDetail(req))).code).toBe('AuthFailure.SignatureFailure');
    expect((await apiError(unknownId.describeMNPDetail(req))).code).toBe('AuthFailure.SecretIdNotFound');
    const behind = await startEmulator({ now: () => new Date(Date.now() - 10 * 60_000) });
    try {
      const err = await apiError(createTcmppClient(behind.clientOptions()).describeMNPDetail(req));
      expect(err).toMatchObject({ code: 'AuthFailure.SignatureExpire', retryable: false });
    } finally {
      await behind.stop();
    }
  });
});

describe('the rate limit', () => {
  it('admits 20 calls of an action in a second and answers the rest RequestLimitExceeded, retryable', async () => {
    const frozen = new Date();
    const limited = await startEmulator({ now: () => frozen });
    try {
      const c = createTcmppClient(limited.clientOptions());
      const results = await Promise.allSettled(Array.from({ length: 26 }, () => c.describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' })));
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as TcmppApiError);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
      expect(refused.map((e) => [e.code, e.retryable])).toEqual(Array.from({ length: 6 }, () => ['RequestLimitExceeded', true]));
      // Another action has a window of its own.
      await expect(c.describeMNPReleasedVersionHistory({ PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' })).resolves.toBeDefined();
    } finally {
      await limited.stop();
    }
  });
});

describe('reads and paging', () => {
  it('lists every approval across pages, each page with its RequestId', async () => {
    const all = await client.listAllMNPApprovals({ PlatformId: PLATFORM });
    const { TotalCount } = (await client.describeMNPApprovalList({ PlatformId: PLATFORM, Offset: 0, Limit: 1 })).Data!;
    expect(all.items).toHaveLength(TotalCount!);
    expect(new Set(all.items.map((a) => a.ApprovalNo)).size).toBe(TotalCount);
    expect(all.requestIds).toHaveLength(Math.ceil(TotalCount! / 4));
    const processing = await client.listAllMNPApprovals({ PlatformId: PLATFORM, ApprovalStatusList: [1] }, { pageSize: 5 });
    expect(processing.items.every((a) => a.ApprovalStatus === 1)).toBe(true);
    expect((await client.listAllMNPApprovals({ PlatformId: PLATFORM }, { maxItems: 6 })).items).toHaveLength(6);
  });

  it('does not repeat an approval that shifts pages while it lists', async () => {
    let calls = 0;
    let addedNo: string | undefined;
    const shifting = createTcmppClient(emu.clientOptions({
      pageSize: 5,
      beforeRequest: async () => {
        // Before the listing's second page: the newest approval pushes every other one a place down.
        if (++calls !== 3) return;
        addedNo = (await emu.admin.addApproval({ PlatformId: PLATFORM, ApplicationId: 'app-cc6g35711m', MNPId: 'mpg9yjc0qbpkelik', MNPVersion: '1.0.278', ApplyTime: '2026-12-31 23:59:59' })).ApprovalNo;
      },
    }));
    const before = (await shifting.describeMNPApprovalList({ PlatformId: PLATFORM, Offset: 0, Limit: 1 })).Data!.TotalCount!;
    const all = await shifting.listAllMNPApprovals({ PlatformId: PLATFORM });
    expect(addedNo).toBeDefined();
    expect(new Set(all.items.map((a) => a.ApprovalNo)).size).toBe(all.items.length);
    // Everything that was there is listed once; the newcomer landed on a page already read (the next poll sees it).
    expect(all.items).toHaveLength(before);
    expect(all.totalCount).toBe(before + 1);
  });

  it('finds one approval by ApprovalNo, fewer pages with the application hint, undefined when absent', async () => {
    const plain = await client.findMNPApproval(PLATFORM, 'auds5n9k3m7c1f6xwd');
    expect(plain.approval).toMatchObject({ ApprovalNo: 'auds5n9k3m7c1f6xwd', ApprovalStatus: 4, MNPName: 'Ride Hailing' });
    expect(plain.requestIds).toHaveLength(plain.pagesRead);
    const hinted = await client.findMNPApproval(PLATFORM, 'audk8e3v5w2z7q4pnu', { applicationId: 'app-a7k3m2p9xz' });
    expect(hinted).toMatchObject({ approval: { ApprovalNo: 'audk8e3v5w2z7q4pnu' }, pagesRead: 1 });
    const absent = await client.findMNPApproval(PLATFORM, 'audnosuchapproval0');
    expect(absent.approval).toBeUndefined();
    expect(absent.pagesRead).toBeGreaterThan(1);
  });

  it('types fields the API leaves null as absent', async () => {
    const { approval } = await client.findMNPApproval(PLATFORM, 'audf2h8n5y1q9m4wgb', { applicationId: 'app-4hq2x8r1vd' });
    expect(approval).toBeDefined();
    expect('ApprovalUser' in approval!).toBe(false);
    expect('ApprovalTime' in approval!).toBe(false);
  });

  it('reads a mini program, its released versions and the sensitive-API approvals', async () => {
    const detail = await client.describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'mpd2v6n9cf1sjt7x' });
    expect(detail.Data).toMatchObject({ MNPName: 'Crypto Rewards', Status: 2, OnlineStatus: 0, Applications: [{ ApplicationId: 'app-cc6g35711m', ApplicationName: 'LionPay' }] });
    const fresh = await client.describeMNPReleasedVersionHistory({ PlatformId: PLATFORM, MNPId: 'mpb5e0r3wq9hzk2m' });
    expect(fresh.Data).toEqual({ TotalCount: 0, DataList: [] });
    const sensitive = await client.listAllSensitiveAPIPermissionApprovals({ PlatformId: PLATFORM, ApprovalStatusList: [1] }, { pageSize: 2 });
    expect(sensitive.items.map((s) => s.APIMethod).sort()).toEqual(['lionpay.getMemberTier', 'wx.chooseContact', 'wx.getLocation']);
    expect(sensitive.requestIds).toHaveLength(2);
    expect((await apiError(client.describeMNPDetail({ PlatformId: PLATFORM, MNPId: 'mpnope' }))).code).toBe('FailedOperation.RecordNotFound');
    expect((await apiError(client.describeMNPApprovalList({ PlatformId: PLATFORM, Offset: 0, Limit: 500 }))).code).toBe('InvalidParameterValue');
  });
});

describe('tcmppClientOptionsFromConfig', () => {
  it('names the missing credential variable', () => {
    expect(() => tcmppClientOptionsFromConfig(loadConfig({}))).toThrow(TcmppConfigError);
    expect(() => tcmppClientOptionsFromConfig(loadConfig({}))).toThrow(/TCMPP_SECRET_ID and TCMPP_SECRET_KEY must be set/);
    const options = tcmppClientOptionsFromConfig(loadConfig({ ...emu.env(), TCMPP_TIMEOUT_SECONDS: '7' }));
    expect(options).toMatchObject({ endpoint: emu.endpoint, protocol: 'http', region: 'ap-singapore', timeoutSeconds: 7, secretId: emu.secretId });
  });
});
