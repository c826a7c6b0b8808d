// The emulator's live data: the fixture's platforms, made mutable, plus each approval's processing history.
// Everything is per platform, keyed the way the API addresses it (PlatformId, then ApprovalNo or MNPId).
import type { ApprovalFixture, Fixtures, MiniProgramFixture, PlatformFixture, SensitiveApiApprovalFixture } from './fixtures.js';

/** One ProcessMNPApproval that named this approval: applied, or refused with `code`. */
export interface ProcessingAttempt {
  time: string;
  requestId: string;
  secretId: string;
  items: unknown;
  outcome: 'applied' | 'refused';
  code?: string;
  message?: string;
  statusBefore: number;
  statusAfter: number;
  /** False when a fault swallowed the answer: the client never learnt the outcome. */
  answered: boolean;
}

export interface ApprovalRecord extends ApprovalFixture {
  history: ProcessingAttempt[];
}

export interface PlatformState {
  info: Pick<PlatformFixture, 'PlatformId' | 'PlatformName'> & { planExpiresAt: Date };
  teams: Map<string, { TeamId: string; TeamName: string }>;
  applications: Map<string, { ApplicationId: string; ApplicationName: string; ApplicationLogo?: string | undefined }>;
  miniPrograms: Map<string, MiniProgramFixture>;
  approvals: Map<string, ApprovalRecord>;
  sensitiveApprovals: Map<string, SensitiveApiApprovalFixture>;
}

export class EmulatorState {
  readonly platforms = new Map<string, PlatformState>();

  constructor(fixtures: Fixtures) {
    for (const p of structuredClone(fixtures.Platforms)) {
      this.platforms.set(p.PlatformId, {
        info: { PlatformId: p.PlatformId, PlatformName: p.PlatformName, planExpiresAt: new Date(p.PlanExpireTime) },
        teams: new Map(p.Teams.map((t) => [t.TeamId, t])),
        applications: new Map(p.Applications.map((a) => [a.ApplicationId, a])),
        miniPrograms: new Map(p.MiniPrograms.map((m) => [m.MNPId, m])),
        approvals: new Map(p.Approvals.map((a) => [a.ApprovalNo, { ...a, history: [] }])),
        sensitiveApprovals: new Map(p.SensitiveAPIApprovals.map((s) => [s.ApprovalNo, s])),
      });
    }
  }

  platform(platformId: string): PlatformState | undefined {
    return this.platforms.get(platformId);
  }

  approval(platformId: string, approvalNo: string): ApprovalRecord | undefined {
    return this.platforms.get(platformId)?.approvals.get(approvalNo);
  }
}

/** The API's time format, "YYYY-MM-DD HH:mm:ss", in UTC. */
export function apiTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A row of DescribeMNPApprovalList: the approval joined with its mini program, application and team. */
export function approvalListRow(p: PlatformState, a: ApprovalRecord) {
  const mnp = p.miniPrograms.get(a.MNPId);
  const app = p.applications.get(a.ApplicationId);
  const team = mnp ? p.teams.get(mnp.TeamId) : undefined;
  return {
    ApprovalNo: a.ApprovalNo,
    ApplicationId: a.ApplicationId,
    ApprovalStatus: a.ApprovalStatus,
    MNPId: a.MNPId,
    MNPVersion: a.MNPVersion,
    MNPVersionId: a.MNPVersionId,
    ApplyUser: a.ApplyUser,
    ApplyTime: a.ApplyTime,
    MNPName: mnp?.MNPName ?? null,
    MNPIcon: mnp?.MNPIcon ?? null,
    ApplicationName: app?.ApplicationName ?? null,
    ApplicationLogo: app?.ApplicationLogo ?? null,
    TeamId: team?.TeamId ?? null,
    TeamName: team?.TeamName ?? null,
    MNPQrCodeUrl: mnp?.MNPQrCodeUrl ?? null,
    MNPType: mnp?.MNPType ?? null,
    // Undecided approvals have no approver: the real API documents these as "may return null".
    ApprovalUser: a.ApprovalUser ?? null,
    ApprovalTime: a.ApprovalTime ?? null,
    ApprovalNote: a.ApprovalNote ?? null,
  };
}

export function sensitiveApprovalRow(p: PlatformState, s: SensitiveApiApprovalFixture) {
  const mnp = p.miniPrograms.get(s.MNPId);
  const app = p.applications.get(s.ApplicationId);
  return {
    ApprovalNo: s.ApprovalNo,
    APIId: s.APIId,
    APIName: s.APIName,
    APIMethod: s.APIMethod,
    MNPId: s.MNPId,
    MNPName: mnp?.MNPName ?? '',
    ApplyUser: s.ApplyUser,
    ApplyTime: s.ApplyTime,
    ApplyNote: s.ApplyNote,
    ApprovalStatus: s.ApprovalStatus,
    ApprovalUser: s.ApprovalUser ?? null,
    ApprovalTime: s.ApprovalTime ?? null,
    ApprovalNote: s.ApprovalNote ?? null,
    ApplicationId: s.ApplicationId,
    ApplicationName: app?.ApplicationName ?? null,
    ApplicationLogo: app?.ApplicationLogo ?? null,
    APIType: s.APIType ?? null,
    APIDesc: s.APIDesc ?? null,
  };
}
