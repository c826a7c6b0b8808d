// The facts a policy decides on: their TypeScript type (what the approval workflow gathers) and the runtime
// catalog (rules/fact-catalog.ts) that checks them and documents them. Plain JSON only, because facts travel
// through Temporal payloads: times are ISO-8601 strings, "not known" is null.
import type { ClockFacts } from './clock.js';
import type { SemverBump } from './semver.js';

export { semverBump, type SemverBump } from './semver.js';
export { clockFacts, type ClockFacts, type Weekday } from './clock.js';

/** A TCMPP account name (ApplyUser, CreateUser). */
export type ApplyUser = string;
export type Outcome = 'approve' | 'reject' | 'escalate';

export interface ApprovalFact {
  approvalNo: string;
  platformId: string;
  applicationId: string;
  applicationName: string | null;
  applicant: ApplyUser;
  appliedAt: string;
  ageHours: number;
}

export interface MiniProgramFact {
  id: string;
  name: string;
  type: string | null;
  tags: string[];
  /** TCMPP Status 1 released, 2 removed; anything else unknown. */
  status: 'released' | 'removed' | 'unknown';
  /** TCMPP OnlineStatus 1. */
  online: boolean;
  creator: ApplyUser | null;
  createdAt: string | null;
  ageDays: number | null;
}

export interface TeamFact {
  id: string | null;
  name: string | null;
}

export interface ReleaseFact {
  version: string;
  versionId: number | null;
  /** The latest released version; null on a first release. */
  previousVersion: string | null;
  firstRelease: boolean;
  bump: SemverBump;
  /** Whether `version` carries a prerelease tag (1.4.0-beta.2). */
  prerelease: boolean;
  releasedVersionCount: number;
}

export interface PendingSensitiveApi {
  approvalNo: string;
  apiId: string;
  apiName: string;
  apiMethod: string | null;
  /** TCMPP APIType 1 system, 2 custom. */
  apiType: 'system' | 'custom' | 'unknown';
  appliedAt: string | null;
}

export interface SensitiveApisFact {
  pending: PendingSensitiveApi[];
  pendingCount: number;
  /** The apiName of every pending request, for set operators (intersects, subsetOf...). */
  apiNames: string[];
}

export interface PlatformFact {
  id: string;
  /** The ledger's latest TCMPP answer for this platform was FailedOperation.PackageAlreadyExpired. */
  planExpired: boolean;
}

export interface HistoryStats {
  approved: number;
  rejected: number;
  escalated: number;
  lastOutcome: Outcome | null;
  lastDecidedAt: string | null;
}

export interface HistoryFact {
  windowDays: number;
  miniProgram: HistoryStats;
  applicant: HistoryStats;
}

/** The clock at evaluation, in the policy's time zone (rules/clock.ts computes it). */
export type ClockFact = ClockFacts;

/** Everything the approval workflow gathers for one approval. Each top-level key is one json-rules-engine fact. */
export interface ApprovalFacts {
  approval: ApprovalFact;
  miniProgram: MiniProgramFact;
  team: TeamFact;
  release: ReleaseFact;
  sensitiveApis: SensitiveApisFact;
  platform: PlatformFact;
  history: HistoryFact;
  clock: ClockFact;
}

export type FactName = keyof ApprovalFacts;
