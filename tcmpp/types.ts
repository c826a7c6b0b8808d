// Request and response shapes of the five TCMPP actions release-gate uses, with the API's own PascalCase names
// (read from tencentcloud-sdk-nodejs-intl-en's tcmpp/v20240801 models). A field the SDK documents as
// "may return null" is optional here: the boundary (tcmpp/validate.ts) turns a null into an absent field.

/** Mini program approval status: 1 processing, 2 rejected, 3 approved, 4 cancelled. */
export type MNPApprovalStatus = 1 | 2 | 3 | 4;
export const MNP_APPROVAL_STATUS = { processing: 1, rejected: 2, approved: 3, cancelled: 4 } as const;

/** ApprovalItem.ApprovalResult: 2 rejects the release, 3 approves it. */
export type ApprovalResult = 2 | 3;
export const APPROVAL_RESULT = { reject: 2, approve: 3 } as const;

/** Sensitive-API permission approval status: 1 processing, 20 rejected, 30 approved. */
export type SensitiveAPIApprovalStatus = 1 | 20 | 30;
export const SENSITIVE_API_APPROVAL_STATUS = { processing: 1, rejected: 20, approved: 30 } as const;

export interface ApprovalItem {
  AppId: string;
  ApprovalResult: ApprovalResult;
  /** Required by the API when ApprovalResult is 2 (reject). */
  ApprovalNote?: string;
}

export interface ProcessMNPApprovalRequest {
  ApprovalNo: string;
  PlatformId: string;
  ApprovalItems: ApprovalItem[];
}

export interface BooleanInfo {
  Result?: boolean;
}

export interface ProcessMNPApprovalResponse {
  Data: BooleanInfo;
  RequestId: string;
}

export interface DescribeMNPApprovalListRequest {
  Offset: number;
  Limit: number;
  PlatformId: string;
  ApprovalStatusList?: number[];
  /** Matches the mini program name. */
  Keyword?: string;
  ApplicationId?: string;
  TeamId?: string;
}

export interface DescribeMNPApprovalListData {
  ApprovalNo?: string;
  ApplicationId?: string;
  ApprovalStatus?: number;
  MNPId?: string;
  MNPVersion?: string;
  MNPVersionId?: number;
  ApplyUser?: string;
  ApplyTime?: string;
  MNPName?: string;
  MNPIcon?: string;
  ApplicationName?: string;
  ApplicationLogo?: string;
  TeamId?: string;
  TeamName?: string;
  MNPQrCodeUrl?: string;
  MNPType?: string;
  ApprovalUser?: string;
  ApprovalTime?: string;
  ApprovalNote?: string;
}

export interface DescribeMNPApprovalListResp {
  TotalCount?: number;
  DataList?: DescribeMNPApprovalListData[];
}

export interface DescribeMNPApprovalListResponse {
  Data?: DescribeMNPApprovalListResp;
  RequestId: string;
}

export interface DescribeMNPDetailRequest {
  MNPId: string;
  PlatformId: string;
}

export interface ApplicationSimpleInfo {
  ApplicationId?: string;
  ApplicationName?: string;
}

export interface MNPDetail {
  MNPType?: string;
  MNPId?: string;
  MNPName?: string;
  MNPIcon?: string;
  MNPIntro?: string;
  MNPDesc?: string;
  CreateUser?: string;
  /** Unix seconds. */
  CreateTime?: number;
  /** 0 not online, 1 online. */
  OnlineStatus?: number;
  Applications?: ApplicationSimpleInfo[];
  Tags?: string[];
  /** 1 released, 2 removed. */
  Status?: number;
}

export interface DescribeMNPDetailResponse {
  Data?: MNPDetail;
  RequestId: string;
}

export interface DescribeMNPReleasedVersionHistoryRequest {
  MNPId: string;
  PlatformId: string;
}

export interface QueryOnlineVersionResp {
  MNPId?: string;
  MNPVersion?: string;
  MNPVersionId?: number;
  MNPVersionNote?: string;
  UpdateTime?: string;
}

export interface DescribeRevertOnlineVersionPageResp {
  TotalCount?: number;
  DataList?: QueryOnlineVersionResp[];
}

export interface DescribeMNPReleasedVersionHistoryResponse {
  Data: DescribeRevertOnlineVersionPageResp;
  RequestId: string;
}

export interface DescribeMNPSensitiveAPIPermissionApprovalListRequest {
  Offset: number;
  Limit: number;
  PlatformId: string;
  ApprovalStatusList?: number[];
  /** Matches the API name, the API method or the application name. */
  Keyword?: string;
}

export interface DescribeMNPSensitiveAPIPermissionApprovalListData {
  ApprovalNo: string;
  APIId: string;
  APIName: string;
  APIMethod: string;
  MNPId: string;
  MNPName: string;
  ApplyUser: string;
  ApplyTime: string;
  ApplyNote: string;
  ApprovalStatus: number;
  ApprovalUser?: string;
  ApprovalTime?: string;
  ApprovalNote?: string;
  ApplicationId?: string;
  ApplicationName?: string;
  ApplicationLogo?: string;
  /** 1 system, 2 custom. */
  APIType?: number;
  APIDesc?: string;
}

export interface DescribeMNPSensitiveAPIPermissionApprovalListResp {
  TotalCount: number;
  DataList: DescribeMNPSensitiveAPIPermissionApprovalListData[];
}

export interface DescribeMNPSensitiveAPIPermissionApprovalListResponse {
  Data: DescribeMNPSensitiveAPIPermissionApprovalListResp;
  RequestId: string;
}

/** The five actions, by their API names. */
export type TcmppAction =
  | 'ProcessMNPApproval'
  | 'DescribeMNPApprovalList'
  | 'DescribeMNPDetail'
  | 'DescribeMNPReleasedVersionHistory'
  | 'DescribeMNPSensitiveAPIPermissionApprovalList';

export const TCMPP_API_VERSION = '2024-08-01';
