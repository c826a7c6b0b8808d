// Validation of TCMPP answers at the boundary, so that code past the client can trust the types in
// tcmpp/types.ts. Nulls are dropped first (the SDK documents most fields as "may return null"), then each
// field the SDK does not mark nullable is required. Numbers also arrive as numeric strings in Tencent's own
// examples (DescribeMNPAllStageVersions shows "CreateTime": "1724142147"), so a numeric string is accepted as
// its number rather than failing a call over a formatting quirk. Unknown fields are dropped: the API adds fields.
import { z } from 'zod';
import type {
  DescribeMNPApprovalListData,
  DescribeMNPApprovalListResponse,
  DescribeMNPDetailResponse,
  DescribeMNPReleasedVersionHistoryResponse,
  DescribeMNPSensitiveAPIPermissionApprovalListData,
  DescribeMNPSensitiveAPIPermissionApprovalListResponse,
  MNPDetail,
  ProcessMNPApprovalResponse,
  QueryOnlineVersionResp,
  TcmppAction,
} from './types.js';

const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a number').transform(Number)]);
const str = z.string();
const requestId = z.string().min(1, 'must be a non-empty RequestId');

const approvalListData: z.ZodType<DescribeMNPApprovalListData> = z.object({
  ApprovalNo: str.optional(),
  ApplicationId: str.optional(),
  ApprovalStatus: num.optional(),
  MNPId: str.optional(),
  MNPVersion: str.optional(),
  MNPVersionId: num.optional(),
  ApplyUser: str.optional(),
  ApplyTime: str.optional(),
  MNPName: str.optional(),
  MNPIcon: str.optional(),
  ApplicationName: str.optional(),
  ApplicationLogo: str.optional(),
  TeamId: str.optional(),
  TeamName: str.optional(),
  MNPQrCodeUrl: str.optional(),
  MNPType: str.optional(),
  ApprovalUser: str.optional(),
  ApprovalTime: str.optional(),
  ApprovalNote: str.optional(),
});

const mnpDetail: z.ZodType<MNPDetail> = z.object({
  MNPType: str.optional(),
  MNPId: str.optional(),
  MNPName: str.optional(),
  MNPIcon: str.optional(),
  MNPIntro: str.optional(),
  MNPDesc: str.optional(),
  CreateUser: str.optional(),
  CreateTime: num.optional(),
  OnlineStatus: num.optional(),
  Applications: z.array(z.object({ ApplicationId: str.optional(), ApplicationName: str.optional() })).optional(),
  Tags: z.array(str).optional(),
  Status: num.optional(),
});

const onlineVersion: z.ZodType<QueryOnlineVersionResp> = z.object({
  MNPId: str.optional(),
  MNPVersion: str.optional(),
  MNPVersionId: num.optional(),
  MNPVersionNote: str.optional(),
  UpdateTime: str.optional(),
});

const sensitiveApprovalData: z.ZodType<DescribeMNPSensitiveAPIPermissionApprovalListData> = z.object({
  ApprovalNo: str,
  APIId: str,
  APIName: str,
  APIMethod: str,
  MNPId: str,
  MNPName: str,
  ApplyUser: str,
  ApplyTime: str,
  ApplyNote: str,
  ApprovalStatus: num,
  ApprovalUser: str.optional(),
  ApprovalTime: str.optional(),
  ApprovalNote: str.optional(),
  ApplicationId: str.optional(),
  ApplicationName: str.optional(),
  ApplicationLogo: str.optional(),
  APIType: num.optional(),
  APIDesc: str.optional(),
});

export const responseSchemas = {
  ProcessMNPApproval: z.object({
    Data: z.object({ Result: z.boolean().optional() }),
    RequestId: requestId,
  }) satisfies z.ZodType<ProcessMNPApprovalResponse>,
  DescribeMNPApprovalList: z.object({
    Data: z.object({ TotalCount: num.optional(), DataList: z.array(approvalListData).optional() }).optional(),
    RequestId: requestId,
  }) satisfies z.ZodType<DescribeMNPApprovalListResponse>,
  DescribeMNPDetail: z.object({
    Data: mnpDetail.optional(),
    RequestId: requestId,
  }) satisfies z.ZodType<DescribeMNPDetailResponse>,
  DescribeMNPReleasedVersionHistory: z.object({
    Data: z.object({ TotalCount: num.optional(), DataList: z.array(onlineVersion).optional() }),
    RequestId: requestId,
  }) satisfies z.ZodType<DescribeMNPReleasedVersionHistoryResponse>,
  DescribeMNPSensitiveAPIPermissionApprovalList: z.object({
    Data: z.object({ TotalCount: num, DataList: z.array(sensitiveApprovalData) }),
    RequestId: requestId,
  }) satisfies z.ZodType<DescribeMNPSensitiveAPIPermissionApprovalListResponse>,
} satisfies Record<TcmppAction, z.ZodType>;

export type ResponseOf<A extends TcmppAction> = z.output<(typeof responseSchemas)[A]>;

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: string[]; requestId: string | undefined };

/** Checks one answer's `Response` object against its action's documented shape. */
export function validateResponse<A extends TcmppAction>(action: A, response: unknown): Validated<ResponseOf<A>> {
  const cleaned = dropNulls(response);
  const parsed = responseSchemas[action].safeParse(cleaned);
  if (parsed.success) return { ok: true, value: parsed.data as ResponseOf<A> };
  const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(response)'}: ${issue.message}`);
  const rid = (cleaned as { RequestId?: unknown } | undefined)?.RequestId;
  return { ok: false, problems, requestId: typeof rid === 'string' ? rid : undefined };
}

/** Removes null-valued object keys, recursively; a null inside an array stays (and fails validation). */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = dropNulls(v);
    return out;
  }
  return value;
}
