// gatherFacts: everything the policy decides on, read from TCMPP and the ledger at one moment. The workflow
// records the result in its history, so a replay sees exactly the facts the decision saw.
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../failures/types.js';
import type { Ledger } from '../../ledger/ledger-store.js';
import { clockFacts, type ApprovalFacts, type PendingSensitiveApi } from '../../rules/facts.js';
import type { TcmppClient } from '../../tcmpp/client.js';
import { SENSITIVE_API_APPROVAL_STATUS, type DescribeMNPApprovalListData } from '../../tcmpp/types.js';
import { releaseFacts } from './release.js';
import { tcmppTimeToIso, unixSecondsToIso } from './tcmpp-time.js';

export interface FactSources {
  tcmpp: TcmppClient;
  ledger: Ledger;
  /** Zone of the clock facts (POLICY_TIME_ZONE). */
  policyTimeZone: string;
  /** Zone TCMPP's "YYYY-MM-DD HH:mm:ss" times are written in (TCMPP_TIME_ZONE). */
  tcmppTimeZone: string;
  historyWindowDays: number;
  now?: () => Date;
}

export interface GatherFactsInput {
  platformId: string;
  /** The approval as TCMPP listed it when it was picked up. */
  approval: DescribeMNPApprovalListData;
}

export async function gatherFacts(sources: FactSources, { platformId, approval }: GatherFactsInput): Promise<ApprovalFacts> {
  const missing = (['ApprovalNo', 'MNPId', 'MNPVersion', 'ApplicationId', 'ApplyUser'] as const).filter((k) => !approval[k]);
  if (missing.length > 0) {
    throw ApplicationFailure.create({
      type: FailureType.invalidApprovalRequest,
      message: `approval ${approval.ApprovalNo ?? '(no ApprovalNo)'} lacks ${missing.join(', ')}: the policy cannot be evaluated on it`,
      nonRetryable: true,
    });
  }
  const mnpId = approval.MNPId!;
  const applicant = approval.ApplyUser!;
  const now = (sources.now ?? (() => new Date()))();

  const [detail, versions, sensitive, mnpHistory, applicantHistory, platformError] = await Promise.all([
    sources.tcmpp.describeMNPDetail({ MNPId: mnpId, PlatformId: platformId }),
    sources.tcmpp.describeMNPReleasedVersionHistory({ MNPId: mnpId, PlatformId: platformId }),
    sources.tcmpp.listAllSensitiveAPIPermissionApprovals({ PlatformId: platformId, ApprovalStatusList: [SENSITIVE_API_APPROVAL_STATUS.processing] }),
    sources.ledger.historyOfMiniProgram(mnpId, sources.historyWindowDays, approval.ApprovalNo),
    sources.ledger.historyOfApplicant(applicant, sources.historyWindowDays, approval.ApprovalNo),
    sources.ledger.latestSubmissionErrorOfPlatform(platformId),
  ]);

  const mnp = detail.Data ?? {};
  const appliedAt = tcmppTimeToIso(approval.ApplyTime, sources.tcmppTimeZone) ?? now.toISOString();
  const createdAt = unixSecondsToIso(mnp.CreateTime);
  // The sensitive-API list has no mini program filter, so the platform's processing requests are read and
  // narrowed here.
  const pending: PendingSensitiveApi[] = sensitive.items
    .filter((s) => s.MNPId === mnpId)
    .map((s) => ({
      approvalNo: s.ApprovalNo,
      apiId: s.APIId,
      apiName: s.APIName,
      apiMethod: s.APIMethod || null,
      apiType: s.APIType === 1 ? 'system' : s.APIType === 2 ? 'custom' : 'unknown',
      appliedAt: tcmppTimeToIso(s.ApplyTime, sources.tcmppTimeZone),
    }));

  return {
    approval: {
      approvalNo: approval.ApprovalNo!,
      platformId,
      applicationId: approval.ApplicationId!,
      applicationName: approval.ApplicationName ?? null,
      applicant,
      appliedAt,
      ageHours: round1((now.getTime() - Date.parse(appliedAt)) / 3_600_000),
    },
    miniProgram: {
      id: mnpId,
      name: mnp.MNPName ?? approval.MNPName ?? mnpId,
      type: mnp.MNPType ?? approval.MNPType ?? null,
      tags: mnp.Tags ?? [],
      status: mnp.Status === 1 ? 'released' : mnp.Status === 2 ? 'removed' : 'unknown',
      online: mnp.OnlineStatus === 1,
      creator: mnp.CreateUser ?? null,
      createdAt,
      ageDays: createdAt ? round1((now.getTime() - Date.parse(createdAt)) / 86_400_000) : null,
    },
    team: { id: approval.TeamId ?? null, name: approval.TeamName ?? null },
    release: releaseFacts(approval.MNPVersion!, approval.MNPVersionId, versions.Data.DataList ?? []),
    sensitiveApis: { pending, pendingCount: pending.length, apiNames: [...new Set(pending.map((p) => p.apiName))].sort() },
    platform: { id: platformId, planExpired: platformError === 'FailedOperation.PackageAlreadyExpired' },
    history: { windowDays: sources.historyWindowDays, miniProgram: mnpHistory, applicant: applicantHistory },
    clock: clockFacts(now, sources.policyTimeZone),
  };
}

function round1(n: number): number {
  return Math.max(0, Math.round(n * 10) / 10);
}
