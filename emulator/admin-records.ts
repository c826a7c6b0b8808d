// Adding records to a running emulator (the admin API's POST routes): fill in what a test may leave out, then
// check the result with the fixture schemas, so an added approval is exactly as valid as a seeded one.
import { randomBytes } from 'node:crypto';
import type { ApprovalView, NewApproval, NewSensitiveApiApproval } from './admin-types.js';
import { approvalSchema, miniProgramSchema, sensitiveApiApprovalSchema } from './fixtures.js';
import { apiTime, type ApprovalRecord, type EmulatorState, type PlatformState } from './state.js';

export class AdminInputError extends Error {
  override name = 'AdminInputError';
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

export function approvalView(platformId: string, a: ApprovalRecord): ApprovalView {
  return { PlatformId: platformId, ...structuredClone(a) };
}

export function addApproval(state: EmulatorState, input: NewApproval, now: Date): ApprovalView {
  const platform = platformOf(state, input?.PlatformId);
  const { PlatformId: _p, MiniProgram, ...fields } = input;
  if (!platform.applications.has(fields.ApplicationId)) throw new AdminInputError(`no application ${String(fields.ApplicationId)} on platform ${platform.info.PlatformId}`);
  if (typeof fields.MNPId === 'string' && !platform.miniPrograms.has(fields.MNPId)) {
    createMiniProgram(platform, fields.MNPId, fields.ApplicationId, MiniProgram ?? {});
  }
  const parsed = approvalSchema.safeParse({
    ApprovalNo: `aud${randomId(15)}`,
    MNPVersionId: nextVersionId(platform),
    ApplyUser: 'developer',
    ApplyTime: apiTime(now),
    ...fields,
  });
  if (!parsed.success) throw new AdminInputError(describeIssues(parsed.error.issues));
  const approval = parsed.data;
  if (platform.approvals.has(approval.ApprovalNo)) throw new AdminInputError(`approval ${approval.ApprovalNo} already exists`, 409);
  if (!platform.miniPrograms.has(approval.MNPId)) throw new AdminInputError(`no mini program ${approval.MNPId}`);
  const record: ApprovalRecord = { ...approval, history: [] };
  platform.approvals.set(approval.ApprovalNo, record);
  return approvalView(platform.info.PlatformId, record);
}

export function addSensitiveApiApproval(state: EmulatorState, input: NewSensitiveApiApproval, now: Date) {
  const platform = platformOf(state, input?.PlatformId);
  const { PlatformId: _p, ...fields } = input;
  const parsed = sensitiveApiApprovalSchema.safeParse({
    ApprovalNo: `sa${randomId(16)}`,
    APIId: `api-${randomId(8)}`,
    ApplyUser: 'developer',
    ApplyTime: apiTime(now),
    ...fields,
  });
  if (!parsed.success) throw new AdminInputError(describeIssues(parsed.error.issues));
  const s = parsed.data;
  if (!platform.applications.has(s.ApplicationId)) throw new AdminInputError(`no application ${s.ApplicationId} on platform ${platform.info.PlatformId}`);
  if (!platform.miniPrograms.has(s.MNPId)) throw new AdminInputError(`no mini program ${s.MNPId} on platform ${platform.info.PlatformId}`);
  if (platform.sensitiveApprovals.has(s.ApprovalNo)) throw new AdminInputError(`sensitive-API approval ${s.ApprovalNo} already exists`, 409);
  platform.sensitiveApprovals.set(s.ApprovalNo, s);
  return { PlatformId: platform.info.PlatformId, ...s };
}

function platformOf(state: EmulatorState, platformId: unknown): PlatformState {
  if (typeof platformId !== 'string') throw new AdminInputError('PlatformId is required');
  const platform = state.platform(platformId);
  if (!platform) throw new AdminInputError(`no platform ${platformId}`, 404);
  return platform;
}

function createMiniProgram(platform: PlatformState, mnpId: string, applicationId: string, given: object): void {
  const firstTeam = platform.teams.keys().next().value;
  const parsed = miniProgramSchema.safeParse({
    MNPId: mnpId,
    MNPName: mnpId,
    CreateTime: Math.floor(Date.now() / 1000),
    TeamId: firstTeam,
    ApplicationIds: [applicationId],
    ...given,
  });
  if (!parsed.success) throw new AdminInputError(`MiniProgram: ${describeIssues(parsed.error.issues)}`);
  if (!platform.teams.has(parsed.data.TeamId)) throw new AdminInputError(`MiniProgram: no team ${parsed.data.TeamId}`);
  platform.miniPrograms.set(mnpId, parsed.data);
}

function nextVersionId(platform: PlatformState): number {
  let max = 0;
  for (const a of platform.approvals.values()) max = Math.max(max, a.MNPVersionId);
  for (const m of platform.miniPrograms.values()) for (const v of m.ReleasedVersions) max = Math.max(max, v.MNPVersionId);
  return max + 1;
}

function randomId(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`).join('; ');
}
