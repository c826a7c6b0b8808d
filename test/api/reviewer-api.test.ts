// The reviewer HTTP API over real HTTP, on the real stack: a Temporal dev server with workers running the
// approval workflow, PostgreSQL, and the TCMPP emulator through the real SDK. Bad input is a 400 naming the
// field, an unknown approval a 404, a wrong state a 409, a missing token a 401; and an approval pushed in
// through the API is escalated, decided by reviewers through the API, and submitted to TCMPP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningApi } from '../../api/server.js';
import { createApprovalStarter } from '../../intake/approval-starter.js';
import { createLogger } from '../../logging/logger.js';
import type { LedgerEntry } from '../../ledger/types.js';
import { demoPlatform, useReleaseGate } from '../stack/release-gate.js';

const rg = useReleaseGate();
const token = 'test-token-0123456789abcdef';
let api: RunningApi;
let guarded: RunningApi;

beforeAll(async () => {
  const deps = { client: rg.stack.client, ledger: rg.ledger, tcmpp: rg.tcmpp, starter: rg.starter, logger: createLogger('api', { level: 'error' }) };
  api = await startApiServer(deps, 0);
  guarded = await startApiServer({ ...deps, token }, 0);
});
afterAll(async () => {
  await api?.stop();
  await guarded?.stop();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, base = api.url) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: string } };
}

/** Polls GET /api/approvals/:platform/:no until the workflow waits for reviewers and its pending row is written. */
async function awaitPendingReview(approvalNo: string) {
  for (let i = 0; i < 200; i++) {
    const { status, body } = await call('GET', `/api/approvals/${demoPlatform}/${approvalNo}`);
    const view = body as { state?: { stage?: string }; ledger?: { state?: string } };
    if (status === 200 && view.state?.stage === 'awaiting-review' && view.ledger?.state === 'pending') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`approval ${approvalNo} never became pending review`);
}

async function awaitStage(approvalNo: string, stage: string) {
  for (let i = 0; i < 200; i++) {
    const { body } = await call('GET', `/api/approvals/${demoPlatform}/${approvalNo}`);
    if ((body as { state?: { stage?: string } }).state?.stage === stage) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`approval ${approvalNo} never reached stage ${stage}`);
}

const decisionPath = (approvalNo: string) => `/api/approvals/${demoPlatform}/${approvalNo}/decision`;

describe('POST /api/approvals: push intake', () => {
  it('refuses a bad body with a 400 that names what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      ['', /request body is empty/],
      ['{"platformId": ', /request body is not JSON/],
      [[1, 2], /must be a JSON object/],
      [{}, /platformId: required/],
      [{ platformId: demoPlatform }, /approvalNo: required/],
      [{ platformId: demoPlatform, approvalNo: 'aud 1' }, /approvalNo: required, letters, digits/],
      [{ platformId: 42, approvalNo: 'aud1' }, /platformId: required/],
      [{ platformId: demoPlatform, approvalNo: 'aud1', reviewer: 'x' }, /unknown field: reviewer/],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', '/api/approvals', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
  });

  it('answers 404 for an approval or a platform TCMPP does not know', async () => {
    const unknownApproval = await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: 'audnosuchapproval' });
    expect(unknownApproval).toMatchObject({ status: 404, body: { error: expect.stringMatching(/TCMPP has no approval audnosuchapproval on platform/) as unknown } });
    const unknownPlatform = await call('POST', '/api/approvals', { platformId: 'TNOSUCHPLATFORM', approvalNo: 'aud1' });
    expect(unknownPlatform).toMatchObject({ status: 404, body: { error: expect.stringMatching(/TCMPP knows no platform TNOSUCHPLATFORM/) as unknown } });
  });

  it('answers 409 for an approval that is no longer processing in TCMPP, and starts nothing', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.6.0', ApprovalStatus: 3 });
    const res = await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: no });
    expect(res).toMatchObject({ status: 409, body: { error: expect.stringMatching(/already approved in TCMPP: there is nothing to decide/) as unknown } });
    expect((await call('GET', `/api/approvals/${demoPlatform}/${no}`)).status).toBe(404);
  });
});

describe('POST /api/approvals/:platform/:no/decision', () => {
  it('refuses a bad decision with a 400 naming the field, before reaching the workflow', async () => {
    const cases: [unknown, RegExp][] = [
      [{ outcome: 'approve' }, /reviewer: required/],
      [{ reviewer: 'mei.tan', outcome: 'escalate' }, /outcome: must be "approve" or "reject"/],
      [{ reviewer: 'mei.tan', outcome: 'reject' }, /note: required when rejecting/],
      [{ reviewer: 'mei.tan', outcome: 'approve', note: 7 }, /note: must be a string/],
      [{ reviewer: 'mei.tan', outcome: 'approve', urgent: true }, /unknown field: urgent/],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', decisionPath('audnosuchapproval'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    expect((await call('POST', '/api/approvals/T0%ZZ/aud1/decision', { reviewer: 'a', outcome: 'approve' })).status).toBe(400);
    const badPath = await call('POST', '/api/approvals/T0%20X/aud1/decision', { reviewer: 'a', outcome: 'approve' });
    expect(badPath).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^platformId in the path: must be letters/) as unknown } });
  });

  it('answers 404 for an approval release-gate never picked up', async () => {
    const res = await call('POST', decisionPath('audneverpickedup'), { reviewer: 'mei.tan', outcome: 'approve' });
    expect(res).toMatchObject({ status: 404, body: { error: expect.stringMatching(/no approval workflow for audneverpickedup.*never picked up/) as unknown } });
    expect((await call('GET', `/api/approvals/${demoPlatform}/audneverpickedup`)).status).toBe(404);
  });
});

describe('an escalated approval pushed in and decided through the API', () => {
  it('starts once, escalates, needs two reviewers, refuses what it must, and submits the rejection', async () => {
    // A prerelease of a major version: escalated, four eyes (test/stack/test-policy.json).
    const no = await rg.addApproval({ MNPId: 'mpx6p2d9gl4mwh8s', MNPVersion: '2.1.0-rc.1' });
    const started = await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: no });
    expect(started).toMatchObject({ status: 201, body: { result: 'started', workflowId: `approval:${demoPlatform}:${no}` } });
    expect(await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: no })).toMatchObject({ status: 200, body: { result: 'already-running' } });

    const view = await awaitPendingReview(no);
    expect(view).toMatchObject({ workflowStatus: 'RUNNING', state: { requiredApprovals: 2, decision: { outcome: 'escalate' } }, ledger: { state: 'pending' } });

    const decide = (body: unknown) => call('POST', decisionPath(no), body);
    expect(await decide({ reviewer: 'mei.tan', outcome: 'approve', note: 'Changelog reviewed' })).toMatchObject({ status: 200, body: { accepted: true, approvalsStillNeeded: 1 } });
    expect(await decide({ reviewer: 'mei.tan', outcome: 'approve' })).toMatchObject({ status: 409, body: { error: expect.stringMatching(/reviewer mei.tan has already decided/) as unknown } });
    expect(await decide({ reviewer: 'raj.k', outcome: 'reject', note: 'x'.repeat(501) })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/note: 501 characters, over the limit of 500/) as unknown } });
    expect(await decide({ reviewer: 'raj.k', outcome: 'reject', note: 'Crashes on Android 9' })).toMatchObject({ status: 200, body: { accepted: true, finalOutcome: 'reject' } });

    await rg.handle(no).result();
    expect(await rg.emulator.admin.getApproval(demoPlatform, no)).toMatchObject({ ApprovalStatus: 2, ApprovalNote: 'Crashes on Android 9' });
    const done = await call('GET', `/api/approvals/${demoPlatform}/${no}`);
    expect(done).toMatchObject({ status: 200, body: { workflowStatus: 'COMPLETED', state: { stage: 'done' }, ledger: { state: 'decided', outcome: 'reject', source: 'reviewer', decidedBy: 'raj.k' } } });

    // Afterwards: no late decision, and pushing it again is refused by TCMPP's status.
    expect(await decide({ reviewer: 'late.reviewer', outcome: 'approve' })).toMatchObject({ status: 409, body: { error: expect.stringMatching(/no longer waiting for a decision/) as unknown } });
    expect((await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: no })).status).toBe(409);
  });

  it('refuses a decision after the approval was decided by rule and its workflow finished', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.7.0' });
    expect((await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: no })).status).toBe(201);
    await rg.handle(no).result();
    const res = await call('POST', decisionPath(no), { reviewer: 'mei.tan', outcome: 'reject', note: 'too late' });
    expect(res).toMatchObject({ status: 409, body: { error: expect.stringMatching(/no longer waiting for a decision, its workflow has finished/) as unknown } });
    expect((await rg.ledger.get(demoPlatform, no))).toMatchObject({ state: 'decided', outcome: 'approve', source: 'rule' });
  });

  it('refuses a decision while the workflow runs but is not waiting for one (submitting to TCMPP)', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.7.1' });
    // TCMPP failing every submission holds the workflow in its submitting stage, retrying.
    await rg.emulator.admin.setFaults({ errors: [{ action: 'ProcessMNPApproval', code: 'InternalError', rate: 1 }] });
    try {
      expect((await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: no })).status).toBe(201);
      await awaitStage(no, 'submitting');
      const res = await call('POST', decisionPath(no), { reviewer: 'mei.tan', outcome: 'reject', note: 'stop it' });
      expect(res).toMatchObject({ status: 409, body: { error: 'decision refused: this approval is not waiting for a reviewer decision' } });
    } finally {
      await rg.emulator.admin.clearFaults();
    }
    await rg.handle(no).result();
    expect((await rg.ledger.get(demoPlatform, no))).toMatchObject({ state: 'decided', outcome: 'approve', source: 'rule' });
  });
});

describe('GET /api/approvals/:platform/:no', () => {
  it('still answers, saying why, when no worker answers the state query', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.8.0' });
    const approval = { ...(await rg.tcmpp.findMNPApproval(demoPlatform, no)).approval!, ApprovalNo: no };
    const unpolled = `test-unpolled-${no}`;
    await createApprovalStarter({ client: rg.stack.client, taskQueue: unpolled, settings: rg.settings }).start(demoPlatform, approval, 'api');
    try {
      const res = await call('GET', `/api/approvals/${demoPlatform}/${no}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ workflowStatus: 'RUNNING', stateUnavailable: expect.stringContaining(`is a worker polling task queue ${unpolled}?`) as unknown });
      expect(res.body.state).toBeUndefined();
    } finally {
      await rg.handle(no).terminate('test done: nothing polls its task queue');
    }
  });
});

describe('GET /api/approvals: the ledger, filtered', () => {
  const platformId = 'TLISTFILTERS';
  const row = (approvalNo: string, overrides: Partial<LedgerEntry>): LedgerEntry => ({
    platformId, approvalNo, applicationIds: ['app-1'], miniProgramId: 'mnp-1', state: 'decided', policyOutcome: 'approve',
    outcome: 'approve', source: 'rule', firedRules: [], explanation: [], reasons: [], reviewerDecisions: [], policyName: 'p',
    policyHash: 'h', facts: {}, workflowId: `approval:${platformId}:${approvalNo}`, runId: 'run', attempts: 1, ...overrides,
  });

  beforeAll(async () => {
    await rg.ledger.write(row('L1', {}));
    await rg.ledger.write(row('L2', { outcome: 'reject', note: 'no' }));
    await rg.ledger.write(row('L3', { state: 'pending', policyOutcome: 'escalate', outcome: undefined, source: undefined }));
  });

  const list = async (query: string) => {
    const res = await call('GET', `/api/approvals?platformId=${platformId}${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.approvals as { approvalNo: string }[]).map((r) => r.approvalNo).sort();
  };

  it('filters by platform, outcome, state, since and limit', async () => {
    expect(await list('')).toEqual(['L1', 'L2', 'L3']);
    expect(await list('&outcome=reject')).toEqual(['L2']);
    expect(await list('&outcome=pending')).toEqual(['L3']);
    expect(await list('&state=decided')).toEqual(['L1', 'L2']);
    expect(await list('&since=1h')).toEqual(['L1', 'L2', 'L3']);
    expect(await list(`&since=${new Date(Date.now() + 3_600_000).toISOString()}`)).toEqual([]);
    expect(await list('&limit=2')).toHaveLength(2);
  });

  it('refuses a bad filter with a 400 naming the parameter', async () => {
    for (const [query, message] of [
      ['state=done', /^state: must be one of pending, decided, conflict, failed/],
      ['outcome=escalate', /^outcome: must be one of approve, reject, pending/],
      ['since=yesterday', /^since: must be a date/],
      ['limit=0', /^limit: must be a whole number from 1 to 1000/],
      ['platform=P1', /^unknown query parameter platform \(expected since, outcome, state, platformId, limit\)/],
    ] as const) {
      const res = await call('GET', `/api/approvals?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatch(message);
    }
  });
});

describe('the API as a whole', () => {
  it('requires the bearer token on /api/ routes when one is configured, and keeps /healthz open', async () => {
    expect((await call('GET', '/api/approvals', undefined, {}, guarded.url)).status).toBe(401);
    expect((await call('GET', '/api/approvals', undefined, { authorization: 'Bearer wrong' }, guarded.url)).status).toBe(401);
    expect((await call('POST', '/api/approvals', { platformId: demoPlatform, approvalNo: 'x' }, { authorization: token }, guarded.url)).status).toBe(401);
    expect((await call('GET', '/api/approvals?limit=1', undefined, { authorization: `Bearer ${token}` }, guarded.url)).status).toBe(200);
    expect(await call('GET', '/healthz', undefined, {}, guarded.url)).toEqual({ status: 200, body: { ok: true } });
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    expect(await call('GET', '/api/nothing')).toMatchObject({ status: 404, body: { error: 'no route /api/nothing' } });
    expect(await call('DELETE', '/api/approvals')).toMatchObject({ status: 405, body: { error: expect.stringMatching(/allowed: POST, GET/) as unknown } });
  });
});
