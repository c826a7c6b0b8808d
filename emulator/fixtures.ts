// The emulator's seed state, read from JSON. Field names are the API's own where the API has the field
// (ApprovalNo, MNPVersion ...); the few the API never shows are PascalCase too (PlanExpireTime, ReleasedVersions,
// ApplicationIds) so a fixture reads as one vocabulary. A fixture that refers to something it does not define
// is refused with the path of the bad reference, before the emulator starts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { faultSettingsSchema } from './faults.js';

export const DEFAULT_FIXTURES_PATH = fileURLToPath(new URL('./fixtures/default.json', import.meta.url));

const id = z.string().min(1);
/** "YYYY-MM-DD HH:mm:ss", the API's time format (UTC in the emulator). */
const apiTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be "YYYY-MM-DD HH:mm:ss"');

export const releasedVersionSchema = z.object({
  MNPVersion: z.string().min(1),
  MNPVersionId: z.number().int().positive(),
  MNPVersionNote: z.string().optional(),
  UpdateTime: apiTime,
}).strict();

export const miniProgramSchema = z.object({
  MNPId: id,
  MNPName: z.string().min(1),
  MNPIcon: z.string().optional(),
  MNPType: z.string().optional(),
  MNPIntro: z.string().optional(),
  MNPDesc: z.string().optional(),
  MNPQrCodeUrl: z.string().optional(),
  CreateUser: z.string().optional(),
  /** Unix seconds. */
  CreateTime: z.number().int().nonnegative(),
  OnlineStatus: z.union([z.literal(0), z.literal(1)]).default(0),
  /** 1 released, 2 removed. */
  Status: z.union([z.literal(1), z.literal(2)]).default(1),
  Tags: z.array(z.string()).default([]),
  TeamId: id,
  ApplicationIds: z.array(id).default([]),
  /** Newest first, as DescribeMNPReleasedVersionHistory answers. */
  ReleasedVersions: z.array(releasedVersionSchema).default([]),
}).strict();

export const approvalSchema = z.object({
  ApprovalNo: id,
  ApplicationId: id,
  MNPId: id,
  MNPVersion: z.string().min(1),
  MNPVersionId: z.number().int().positive(),
  ApplyUser: z.string().min(1),
  ApplyTime: apiTime,
  ApprovalStatus: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(1),
  ApprovalUser: z.string().optional(),
  ApprovalTime: apiTime.optional(),
  ApprovalNote: z.string().optional(),
}).strict();

export const sensitiveApiApprovalSchema = z.object({
  ApprovalNo: id,
  APIId: id,
  APIName: z.string().min(1),
  APIMethod: z.string().min(1),
  APIDesc: z.string().optional(),
  APIType: z.union([z.literal(1), z.literal(2)]).optional(),
  MNPId: id,
  ApplicationId: id,
  ApplyUser: z.string().min(1),
  ApplyTime: apiTime,
  ApplyNote: z.string().default(''),
  ApprovalStatus: z.union([z.literal(1), z.literal(20), z.literal(30)]).default(1),
  ApprovalUser: z.string().optional(),
  ApprovalTime: apiTime.optional(),
  ApprovalNote: z.string().optional(),
}).strict();

export const platformSchema = z.object({
  PlatformId: id,
  PlatformName: z.string().min(1),
  /** When the TCMPP plan ends (ISO 8601); past it ProcessMNPApproval answers PackageAlreadyExpired (reads still work). */
  PlanExpireTime: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, for example 2027-12-31T16:00:00Z' }),
  Teams: z.array(z.object({ TeamId: id, TeamName: z.string().min(1) }).strict()).default([]),
  Applications: z.array(z.object({ ApplicationId: id, ApplicationName: z.string().min(1), ApplicationLogo: z.string().optional() }).strict()).default([]),
  MiniPrograms: z.array(miniProgramSchema).default([]),
  Approvals: z.array(approvalSchema).default([]),
  SensitiveAPIApprovals: z.array(sensitiveApiApprovalSchema).default([]),
}).strict();

export const fixturesSchema = z.object({
  $comment: z.string().optional(),
  Platforms: z.array(platformSchema).min(1, 'needs at least one platform'),
  Faults: faultSettingsSchema.optional(),
}).strict().superRefine((f, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const platformIds = new Set<string>();
  f.Platforms.forEach((p, pi) => {
    const at = (...rest: (string | number)[]) => ['Platforms', pi, ...rest];
    if (platformIds.has(p.PlatformId)) issue(at('PlatformId'), `duplicate PlatformId ${p.PlatformId}`);
    platformIds.add(p.PlatformId);
    const teams = new Set(p.Teams.map((t) => t.TeamId));
    const apps = new Set(p.Applications.map((a) => a.ApplicationId));
    const mnps = new Set(p.MiniPrograms.map((m) => m.MNPId));
    p.MiniPrograms.forEach((m, i) => {
      if (!teams.has(m.TeamId)) issue(at('MiniPrograms', i, 'TeamId'), `no team ${m.TeamId} on platform ${p.PlatformId}`);
      m.ApplicationIds.forEach((a, j) => { if (!apps.has(a)) issue(at('MiniPrograms', i, 'ApplicationIds', j), `no application ${a}`); });
    });
    const seen = new Set<string>();
    const checkRecord = (kind: 'Approvals' | 'SensitiveAPIApprovals', r: { ApprovalNo: string; ApplicationId: string; MNPId: string }, i: number) => {
      if (seen.has(`${kind}/${r.ApprovalNo}`)) issue(at(kind, i, 'ApprovalNo'), `duplicate ApprovalNo ${r.ApprovalNo}`);
      seen.add(`${kind}/${r.ApprovalNo}`);
      if (!apps.has(r.ApplicationId)) issue(at(kind, i, 'ApplicationId'), `no application ${r.ApplicationId} on platform ${p.PlatformId}`);
      if (!mnps.has(r.MNPId)) issue(at(kind, i, 'MNPId'), `no mini program ${r.MNPId} on platform ${p.PlatformId}`);
    };
    p.Approvals.forEach((a, i) => checkRecord('Approvals', a, i));
    p.SensitiveAPIApprovals.forEach((a, i) => checkRecord('SensitiveAPIApprovals', a, i));
  });
});

export type FixturesInput = z.input<typeof fixturesSchema>;
export type Fixtures = z.output<typeof fixturesSchema>;
export type PlatformFixture = z.output<typeof platformSchema>;
export type MiniProgramFixture = z.output<typeof miniProgramSchema>;
export type ApprovalFixture = z.output<typeof approvalSchema>;
export type SensitiveApiApprovalFixture = z.output<typeof sensitiveApiApprovalSchema>;

export class FixtureError extends Error {
  override name = 'FixtureError';
  constructor(readonly source: string, readonly problems: readonly string[]) {
    super(`invalid emulator fixtures (${source}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Parses fixtures given as an object, or read from a JSON file; absent: the default fixture. */
export function loadFixtures(source: FixturesInput | string = DEFAULT_FIXTURES_PATH): Fixtures {
  const name = typeof source === 'string' ? source : '(object)';
  let input: unknown = source;
  if (typeof source === 'string') {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (err) {
      throw new FixtureError(name, [`cannot read the file: ${(err as Error).message}`]);
    }
    try {
      input = JSON.parse(text);
    } catch (err) {
      throw new FixtureError(name, [`not JSON: ${(err as Error).message}`]);
    }
  }
  const parsed = fixturesSchema.safeParse(input);
  if (!parsed.success) {
    throw new FixtureError(name, parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`));
  }
  return parsed.data;
}
