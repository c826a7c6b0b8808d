// A client that no part of this project wrote: Tencent's mainland Node SDK (tencentcloud-sdk-nodejs-common,
// CommonClient, TC3-HMAC-SHA256 by default) talks to the emulator over HTTP. It gets the API page's example
// response for the page's example request, and the documented errors for bad input and bad credentials.
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM, TARGET, processApprovalErrorCases } from './error-cases.js';
import { startEmulator, type RunningEmulator } from './server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOTE_MAX = 500;

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ noteMaxLength: NOTE_MAX, rateLimitPerSecond: 1000 });
});
afterAll(() => emu.stop());

function tencentClient(credential: { secretId: string; secretKey: string }, endpoint = emu.endpoint) {
  // The product's own domain is the client's endpoint; the profile's endpoint sends it to the emulator instead.
  return new CommonClient('tcmpp.tencentcloudapi.com', '2024-08-01', {
    credential,
    region: 'ap-singapore',
    profile: { httpProfile: { endpoint, protocol: 'http://', reqTimeout: 5 } },
  });
}

async function codeOf(promise: Promise<unknown>): Promise<{ code?: string; requestId?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: string; requestId?: string; message: string };
  }
  throw new Error('expected the call to fail');
}

describe('an independent Tencent SDK against the emulator', () => {
  it("gets the API page's example response for the page's example request", async () => {
    const client = tencentClient(emu);
    const response = await client.request('ProcessMNPApproval', {
      ApprovalNo: 'aud4u4c07kp6rxiobb',
      ApprovalItems: [{ AppId: 'app-cc6g35711m', ApprovalResult: 3, ApprovalNote: 'autotest approval pass' }],
      PlatformId: 'T04257DS9431720WTAG',
    }) as { Data: unknown; RequestId: string };
    expect(Object.keys(response).sort()).toEqual(['Data', 'RequestId']);
    expect(response.Data).toEqual({ Result: true });
    expect(response.RequestId).toMatch(UUID);
    const approval = await emu.admin.getApproval(PLATFORM, 'aud4u4c07kp6rxiobb');
    expect(approval).toMatchObject({ ApprovalStatus: 3, ApprovalNote: 'autotest approval pass', ApprovalUser: 'api-user' });
  });

  it('gets each documented ProcessMNPApproval error for its trigger, and nothing is applied', async () => {
    const client = tencentClient(emu);
    for (const c of processApprovalErrorCases(NOTE_MAX)) {
      await c.setup?.(emu.admin);
      const err = await codeOf(client.request('ProcessMNPApproval', c.request));
      expect(err.code, c.trigger).toBe(c.code);
      expect(err.requestId, c.trigger).toMatch(UUID);
    }
    expect(await emu.admin.getApproval(PLATFORM, TARGET)).toMatchObject({ ApprovalStatus: 1 });
  });

  it('reads the other four actions', async () => {
    const client = tencentClient(emu);
    const list = await client.request('DescribeMNPApprovalList', { Limit: 20, Offset: 0, ApprovalStatusList: [0], Keyword: '', TeamId: '', ApplicationId: '', PlatformId: PLATFORM }) as { Data: { TotalCount: number } };
    expect(list.Data.TotalCount).toBe(18);
    const detail = await client.request('DescribeMNPDetail', { PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' }) as { Data: { MNPName: string } };
    expect(detail.Data.MNPName).toBe('autotest_miniapp');
    const history = await client.request('DescribeMNPReleasedVersionHistory', { PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' }) as { Data: { DataList: { MNPVersion: string }[] } };
    expect(history.Data.DataList.map((v) => v.MNPVersion)).toEqual(['1.0.276', '1.0.275', '1.0.274']);
    const sensitive = await client.request('DescribeMNPSensitiveAPIPermissionApprovalList', { PlatformId: PLATFORM, Offset: 0, Limit: 10, ApprovalStatusList: [1] }) as { Data: { TotalCount: number } };
    expect(sensitive.Data.TotalCount).toBe(3);
  });

  it('is refused with a wrong key, an unknown SecretId, or a clock more than 5 minutes off', async () => {
    expect((await codeOf(tencentClient({ secretId: emu.secretId, secretKey: 'not-the-key' }).request('DescribeMNPDetail', { PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' }))).code)
      .toBe('AuthFailure.SignatureFailure');
    expect((await codeOf(tencentClient({ secretId: 'AKIDunknown', secretKey: emu.secretKey }).request('DescribeMNPDetail', { PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' }))).code)
      .toBe('AuthFailure.SecretIdNotFound');
    const ahead = await startEmulator({ now: () => new Date(Date.now() + 6 * 60_000) });
    try {
      const err = await codeOf(tencentClient(ahead, ahead.endpoint).request('DescribeMNPDetail', { PlatformId: PLATFORM, MNPId: 'mpg9yjc0qbpkelik' }));
      expect(err.code).toBe('AuthFailure.SignatureExpire');
    } finally {
      await ahead.stop();
    }
  });
});
