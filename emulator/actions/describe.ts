// The four read actions. Lists page by Offset/Limit (Limit 1..100) over a stable order: newest ApplyTime
// first, then ApprovalNo. Empty-string filters mean "no filter", as in the API page's example requests.
// A mini program the platform does not have answers FailedOperation.RecordNotFound (a code of the product's SDK).
import { fail } from '../api-failure.js';
import { approvalListRow, sensitiveApprovalRow, type PlatformState } from '../state.js';
import type { ActionHandler } from './context.js';
import { Params, contains, knownPlatform, statusFilter } from './params.js';

const MAX_LIMIT = 100;
const page = (p: Params) => ({
  offset: p.integer('Offset', { min: 0, max: 2 ** 31 - 1 }),
  limit: p.integer('Limit', { min: 1, max: MAX_LIMIT }),
});

const newestFirst = (a: { ApplyTime: string; ApprovalNo: string }, b: { ApplyTime: string; ApprovalNo: string }) =>
  b.ApplyTime.localeCompare(a.ApplyTime) || a.ApprovalNo.localeCompare(b.ApprovalNo);

export const describeMNPApprovalList: ActionHandler = (values, ctx) => {
  const p = new Params(values).only(['Offset', 'Limit', 'PlatformId', 'ApprovalStatusList', 'Keyword', 'ApplicationId', 'TeamId']);
  const { offset, limit } = page(p);
  const platformId = p.string('PlatformId');
  const statusOk = statusFilter(p.optionalIntegers('ApprovalStatusList', [0, 1, 2, 3, 4]));
  const keyword = p.optionalString('Keyword') ?? '';
  const applicationId = p.optionalString('ApplicationId') ?? '';
  const teamId = p.optionalString('TeamId') ?? '';
  const platform = knownPlatform(ctx.state, platformId);
  const rows = [...platform.approvals.values()]
    .sort(newestFirst)
    .map((a) => approvalListRow(platform, a))
    .filter((r) => statusOk(r.ApprovalStatus)
      && (keyword === '' || contains(r.MNPName, keyword))
      && (applicationId === '' || r.ApplicationId === applicationId)
      && (teamId === '' || r.TeamId === teamId));
  return { Data: { TotalCount: rows.length, DataList: rows.slice(offset, offset + limit) } };
};

export const describeMNPSensitiveAPIPermissionApprovalList: ActionHandler = (values, ctx) => {
  const p = new Params(values).only(['Offset', 'Limit', 'PlatformId', 'ApprovalStatusList', 'Keyword']);
  const { offset, limit } = page(p);
  const platformId = p.string('PlatformId');
  const statusOk = statusFilter(p.optionalIntegers('ApprovalStatusList', [0, 1, 20, 30]));
  const keyword = p.optionalString('Keyword') ?? '';
  const platform = knownPlatform(ctx.state, platformId);
  const rows = [...platform.sensitiveApprovals.values()]
    .sort(newestFirst)
    .map((s) => sensitiveApprovalRow(platform, s))
    .filter((r) => statusOk(r.ApprovalStatus)
      && (keyword === '' || contains(r.APIName, keyword) || contains(r.APIMethod, keyword) || contains(r.ApplicationName, keyword)));
  return { Data: { TotalCount: rows.length, DataList: rows.slice(offset, offset + limit) } };
};

function miniProgram(values: Record<string, unknown>, state: Parameters<ActionHandler>[1]['state']) {
  const p = new Params(values).only(['MNPId', 'PlatformId']);
  const mnpId = p.string('MNPId');
  const platformId = p.string('PlatformId');
  const platform: PlatformState = knownPlatform(state, platformId);
  const mnp = platform.miniPrograms.get(mnpId)
    ?? fail('FailedOperation.RecordNotFound', `No mini program \`${mnpId}\` on platform ${platformId}.`);
  return { platform, mnp };
}

export const describeMNPDetail: ActionHandler = (values, ctx) => {
  const { platform, mnp } = miniProgram(values, ctx.state);
  return {
    Data: {
      MNPType: mnp.MNPType ?? null,
      MNPId: mnp.MNPId,
      MNPName: mnp.MNPName,
      MNPIcon: mnp.MNPIcon ?? null,
      MNPIntro: mnp.MNPIntro ?? null,
      MNPDesc: mnp.MNPDesc ?? null,
      CreateUser: mnp.CreateUser ?? null,
      CreateTime: mnp.CreateTime,
      OnlineStatus: mnp.OnlineStatus,
      Applications: mnp.ApplicationIds.map((id) => ({
        ApplicationId: id,
        ApplicationName: platform.applications.get(id)?.ApplicationName ?? null,
      })),
      Tags: mnp.Tags,
      Status: mnp.Status,
    },
  };
};

export const describeMNPReleasedVersionHistory: ActionHandler = (values, ctx) => {
  const { mnp } = miniProgram(values, ctx.state);
  const versions = [...mnp.ReleasedVersions].sort((a, b) => b.UpdateTime.localeCompare(a.UpdateTime) || b.MNPVersionId - a.MNPVersionId);
  return {
    Data: {
      TotalCount: versions.length,
      DataList: versions.map((v) => ({
        MNPId: mnp.MNPId,
        MNPVersion: v.MNPVersion,
        MNPVersionId: v.MNPVersionId,
        MNPVersionNote: v.MNPVersionNote ?? null,
        UpdateTime: v.UpdateTime,
      })),
    },
  };
};
