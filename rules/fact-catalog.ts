// The runtime fact catalog: every fact a policy can use, with its type, meaning and an example. The validator
// refuses a policy that names anything else, evaluate() checks the gathered facts against it, and docs/policy.md
// lists it (rules/schema/policy-docs.ts generates that table; a test keeps it in step).
import { weekdays } from './clock.js';
import type { FieldSpec, FieldType } from './fact-types.js';
import type { ApprovalFacts, HistoryStats, PendingSensitiveApi } from './facts.js';
import { semverBumps } from './semver.js';

type Fields<T> = { readonly [K in keyof T]-?: FieldSpec };
const object = <T>(fields: Fields<T>): FieldType => ({ kind: 'object', fields });
const field = (type: FieldType, description: string, example: FieldSpec['example']): FieldSpec => ({ type, description, example });

const str = (nullable = false): FieldType => ({ kind: 'string', nullable });
const time = (nullable = false): FieldType => ({ kind: 'string', format: 'datetime', nullable });
const int = (min: number | undefined, nullable = false): FieldType => ({ kind: 'number', integer: true, ...(min === undefined ? {} : { min }), nullable });
const num = (min: number, nullable = false): FieldType => ({ kind: 'number', min, nullable });
const bool: FieldType = { kind: 'boolean' };
const outcome: FieldType = { kind: 'enum', values: ['approve', 'reject', 'escalate'], nullable: true };

const historyStats = object<HistoryStats>({
  approved: field(int(0), 'approvals decided in the window', 4),
  rejected: field(int(0), 'rejections decided in the window', 0),
  escalated: field(int(0), 'escalations decided in the window (by a reviewer or a deadline)', 1),
  lastOutcome: field(outcome, 'the latest decision in the window; null when there is none', 'approve'),
  lastDecidedAt: field(time(true), 'when the latest decision was made; null when there is none', '2025-02-20T08:15:00Z'),
});

const pendingApi = object<PendingSensitiveApi>({
  approvalNo: field(str(), 'the sensitive-API approval request ID', 'sapi-2025-0042'),
  apiId: field(str(), 'the sensitive API ID', 'api-location'),
  apiName: field(str(), 'the API name', 'getLocation'),
  apiMethod: field(str(true), 'the API request method', 'wx.getLocation'),
  apiType: field({ kind: 'enum', values: ['system', 'custom', 'unknown'] }, 'TCMPP APIType: 1 system, 2 custom', 'system'),
  appliedAt: field(time(true), 'when the request was made', '2025-02-28T10:00:00Z'),
});

export const factCatalog: Fields<ApprovalFacts> = {
  approval: field(object<ApprovalFacts['approval']>({
    approvalNo: field(str(), 'TCMPP approval request ID (ApprovalNo)', 'aud4u4c07kp6rxiobb'),
    platformId: field(str(), 'TCMPP platform ID', 'T04257DS9431720WTAG'),
    applicationId: field(str(), 'the superapp application the release is for', 'app-cc6g35711m'),
    applicationName: field(str(true), 'its name', 'Acme Super App'),
    applicant: field(str(), 'who asked for the release (ApplyUser)', 'dev.lee@acme.example'),
    appliedAt: field(time(), 'when the release was requested (ApplyTime)', '2025-03-03T02:10:00Z'),
    ageHours: field(num(0), 'hours since the request was made, when the facts were gathered', 1.5),
  }), 'the approval request, from DescribeMNPApprovalList', null),
  miniProgram: field(object<ApprovalFacts['miniProgram']>({
    id: field(str(), 'mini program ID (MNPId)', 'mpk3j2h1g0'),
    name: field(str(), 'mini program name', 'Acme Rewards'),
    type: field(str(true), 'mini program type (MNPType)', 'mini-program'),
    tags: field({ kind: 'array', items: str() }, 'its tags', ['loyalty', 'payments']),
    status: field({ kind: 'enum', values: ['released', 'removed', 'unknown'] }, 'TCMPP Status: 1 released, 2 removed, anything else unknown', 'released'),
    online: field(bool, 'TCMPP OnlineStatus is 1 (online)', true),
    creator: field(str(true), 'the creator account (CreateUser)', 'dev.lee@acme.example'),
    createdAt: field(time(true), 'creation time (CreateTime)', '2023-06-01T00:00:00Z'),
    ageDays: field(num(0, true), 'days since creation; null when the creation time is not known', 640),
  }), 'the mini program, from DescribeMNPDetail', null),
  team: field(object<ApprovalFacts['team']>({
    id: field(str(true), 'the developer team ID (TeamId); null when TCMPP gave none', 'team-payments'),
    name: field(str(true), 'the team name', 'Payments'),
  }), 'the team that owns the mini program', null),
  release: field(object<ApprovalFacts['release']>({
    version: field({ kind: 'string', format: 'version' }, 'the version asked to be released (MNPVersion)', '2.4.1'),
    versionId: field(int(undefined, true), 'TCMPP version ID (MNPVersionId)', 1042),
    previousVersion: field({ kind: 'string', format: 'version', nullable: true }, 'the latest released version; null on a first release', '2.4.0'),
    firstRelease: field(bool, 'no version of this mini program was released before', false),
    bump: field({ kind: 'enum', values: semverBumps }, 'how the version moves from previousVersion: major, minor, patch, prerelease (only the prerelease tag changed), same, downgrade, or unknown (first release, or not a version)', 'patch'),
    prerelease: field(bool, 'the version carries a prerelease tag such as -beta.2', false),
    releasedVersionCount: field(int(0), 'how many versions were released before (DescribeMNPReleasedVersionHistory)', 12),
  }), 'the version to release and the release history', null),
  sensitiveApis: field(object<ApprovalFacts['sensitiveApis']>({
    pending: field({ kind: 'array', items: pendingApi }, 'pending (status 1) sensitive-API permission requests of this mini program', []),
    pendingCount: field(int(0), 'how many are pending', 0),
    apiNames: field({ kind: 'array', items: str() }, 'the API names of the pending requests', []),
  }), 'sensitive-API permission requests, from DescribeMNPSensitiveAPIPermissionApprovalList', null),
  platform: field(object<ApprovalFacts['platform']>({
    id: field(str(), 'TCMPP platform ID', 'T04257DS9431720WTAG'),
    planExpired: field(bool, "the ledger's latest TCMPP answer for this platform was FailedOperation.PackageAlreadyExpired (the API has no call that reports plan expiry)", false),
  }), 'the TCMPP platform', null),
  history: field(object<ApprovalFacts['history']>({
    windowDays: field(int(1), 'the length of the window, in days', 30),
    miniProgram: field(historyStats, "the ledger's decisions on this mini program in the window", null),
    applicant: field(historyStats, "the ledger's decisions on releases this applicant asked for in the window", null),
  }), "the decision ledger's recent history", null),
  clock: field(object<ApprovalFacts['clock']>({
    now: field(time(), 'the time of evaluation (Temporal workflow time)', '2025-03-03T02:11:00Z'),
    timeZone: field(str(), 'the configured time zone (POLICY_TIME_ZONE)', 'Asia/Singapore'),
    weekday: field({ kind: 'enum', values: weekdays }, 'the weekday in that time zone', 'mon'),
    hour: field(int(0), 'the hour (0-23) in that time zone', 10),
    minute: field(int(0), 'the minute (0-59)', 11),
    date: field({ kind: 'string', format: 'date' }, 'the local date', '2025-03-03'),
  }), 'the clock, in the configured time zone', null),
};

export const factNames = Object.keys(factCatalog) as (keyof ApprovalFacts)[];
export const factsType: FieldType = object<ApprovalFacts>(factCatalog);

export interface CatalogEntry {
  /** `release.bump`: the fact, then the field path. */
  name: string;
  fact: string;
  /** The json-rules-engine path (`$.bump`), or null for the whole fact. */
  path: string | null;
  type: FieldType;
  description: string;
  example: FieldSpec['example'];
}

/** Every fact and every field in it, depth first, as docs and `policy facts` list them. */
export function catalogEntries(): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  const walk = (fact: string, segments: string[], spec: FieldSpec) => {
    out.push({ name: [fact, ...segments].join('.'), fact, path: segments.length ? `$.${segments.join('.')}` : null, type: spec.type, description: spec.description, example: spec.example });
    if (spec.type.kind === 'object') for (const [k, s] of Object.entries(spec.type.fields)) walk(fact, [...segments, k], s);
  };
  for (const [fact, spec] of Object.entries(factCatalog)) walk(fact, [], spec);
  return out;
}
