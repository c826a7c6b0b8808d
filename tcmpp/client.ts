// The typed TCMPP client the activities use: promise methods over the official intl SDK, answers validated at
// the boundary, failures typed (tcmpp/errors.ts). The secret key lives only in the SDK's credential object: it
// is never logged, never put in an error, and not readable from the TcmppClient.
import type { Config } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { TcmppResponseError, isTcmppError } from './errors.js';
import { findApproval, listAll, type FindApprovalHints, type FindApprovalResult, type ListAllResult, type PagingOptions } from './paging.js';
import { createSdkCaller } from './sdk.js';
import type {
  DescribeMNPApprovalListData,
  DescribeMNPApprovalListRequest,
  DescribeMNPApprovalListResponse,
  DescribeMNPDetailRequest,
  DescribeMNPDetailResponse,
  DescribeMNPReleasedVersionHistoryRequest,
  DescribeMNPReleasedVersionHistoryResponse,
  DescribeMNPSensitiveAPIPermissionApprovalListData,
  DescribeMNPSensitiveAPIPermissionApprovalListRequest,
  DescribeMNPSensitiveAPIPermissionApprovalListResponse,
  ProcessMNPApprovalRequest,
  ProcessMNPApprovalResponse,
  TcmppAction,
} from './types.js';
import { validateResponse, type ResponseOf } from './validate.js';

export interface TcmppClientOptions {
  /** Host, or host:port (TCMPP_ENDPOINT). */
  endpoint: string;
  protocol: 'https' | 'http';
  region: string;
  secretId: string;
  secretKey: string;
  /** Session token of temporary credentials. */
  token?: string;
  /** Per request; fractions allowed (tests use short ones). */
  timeoutSeconds: number;
  /** Page size of the listAll and find helpers (default 100). */
  pageSize?: number;
  /** Awaited before every request, for example to take a slot from the account-wide rate limiter. */
  beforeRequest?: (action: TcmppAction) => Promise<void>;
  /** Each call is logged at debug (action, RequestId, duration) and each failure at warn (code, kind). */
  logger?: Logger;
}

export type ApprovalListFilter = Omit<DescribeMNPApprovalListRequest, 'Offset' | 'Limit'>;
export type SensitiveAPIApprovalListFilter = Omit<DescribeMNPSensitiveAPIPermissionApprovalListRequest, 'Offset' | 'Limit'>;

export interface TcmppClient {
  processMNPApproval(req: ProcessMNPApprovalRequest): Promise<ProcessMNPApprovalResponse>;
  describeMNPApprovalList(req: DescribeMNPApprovalListRequest): Promise<DescribeMNPApprovalListResponse>;
  /** Every approval that matches the filter, page after page (deduplicated by ApprovalNo). */
  listAllMNPApprovals(filter: ApprovalListFilter, opts?: PagingOptions): Promise<ListAllResult<DescribeMNPApprovalListData>>;
  describeMNPDetail(req: DescribeMNPDetailRequest): Promise<DescribeMNPDetailResponse>;
  describeMNPReleasedVersionHistory(req: DescribeMNPReleasedVersionHistoryRequest): Promise<DescribeMNPReleasedVersionHistoryResponse>;
  describeMNPSensitiveAPIPermissionApprovalList(
    req: DescribeMNPSensitiveAPIPermissionApprovalListRequest,
  ): Promise<DescribeMNPSensitiveAPIPermissionApprovalListResponse>;
  listAllSensitiveAPIPermissionApprovals(
    filter: SensitiveAPIApprovalListFilter,
    opts?: PagingOptions,
  ): Promise<ListAllResult<DescribeMNPSensitiveAPIPermissionApprovalListData>>;
  /**
   * One approval's current state. The API has no get-by-ApprovalNo, so this pages DescribeMNPApprovalList
   * (narrowed by the hints) until it sees the ApprovalNo; `approval` is undefined when no page holds it.
   */
  findMNPApproval(platformId: string, approvalNo: string, hints?: FindApprovalHints): Promise<FindApprovalResult>;
}

const DEFAULT_PAGE_SIZE = 100;

export function createTcmppClient(options: TcmppClientOptions): TcmppClient {
  const send = createSdkCaller(options);
  const logger = options.logger;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  async function call<A extends TcmppAction>(action: A, request: object): Promise<ResponseOf<A>> {
    await options.beforeRequest?.(action);
    const started = Date.now();
    try {
      const raw = await send(action, request);
      const checked = validateResponse(action, raw);
      if (!checked.ok) throw new TcmppResponseError(action, checked.problems, checked.requestId);
      logger?.debug('tcmpp call', { action, requestId: checked.value.RequestId, ms: Date.now() - started });
      return checked.value;
    } catch (err) {
      if (isTcmppError(err)) {
        logger?.warn('tcmpp call failed', {
          action,
          error: err.name,
          code: 'code' in err ? err.code : undefined,
          kind: 'kind' in err ? err.kind : undefined,
          requestId: 'requestId' in err ? err.requestId : undefined,
          retryable: err.retryable,
          effectUnknown: 'effectUnknown' in err ? err.effectUnknown : undefined,
          ms: Date.now() - started,
        });
      }
      throw err;
    }
  }

  const describeMNPApprovalList = (req: DescribeMNPApprovalListRequest) => call('DescribeMNPApprovalList', req);
  const describeSensitive = (req: DescribeMNPSensitiveAPIPermissionApprovalListRequest) =>
    call('DescribeMNPSensitiveAPIPermissionApprovalList', req);

  return {
    processMNPApproval: (req) => call('ProcessMNPApproval', req),
    describeMNPApprovalList,
    listAllMNPApprovals: (filter, opts) =>
      listAll('DescribeMNPApprovalList', async (Offset, Limit) => {
        const r = await describeMNPApprovalList({ ...filter, Offset, Limit });
        return { requestId: r.RequestId, totalCount: r.Data?.TotalCount, items: r.Data?.DataList ?? [] };
      }, (item) => item.ApprovalNo, { pageSize, ...opts }),
    describeMNPDetail: (req) => call('DescribeMNPDetail', req),
    describeMNPReleasedVersionHistory: (req) => call('DescribeMNPReleasedVersionHistory', req),
    describeMNPSensitiveAPIPermissionApprovalList: describeSensitive,
    listAllSensitiveAPIPermissionApprovals: (filter, opts) =>
      listAll('DescribeMNPSensitiveAPIPermissionApprovalList', async (Offset, Limit) => {
        const r = await describeSensitive({ ...filter, Offset, Limit });
        return { requestId: r.RequestId, totalCount: r.Data.TotalCount, items: r.Data.DataList };
      }, (item) => item.ApprovalNo, { pageSize, ...opts }),
    findMNPApproval: (platformId, approvalNo, hints) =>
      findApproval(describeMNPApprovalList, platformId, approvalNo, { pageSize, ...hints }),
  };
}

/** A configuration's TCMPP settings as client options, or an error naming the variable that is missing. */
export function tcmppClientOptionsFromConfig(config: Config, extra: Partial<TcmppClientOptions> = {}): TcmppClientOptions {
  const missing = (['TCMPP_SECRET_ID', 'TCMPP_SECRET_KEY'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    throw new TcmppConfigError(missing, `${missing.join(' and ')} must be set to call TCMPP (the SecretId and SecretKey of an API key)`);
  }
  return {
    endpoint: config.TCMPP_ENDPOINT,
    protocol: config.TCMPP_PROTOCOL,
    region: config.TCMPP_REGION,
    secretId: config.TCMPP_SECRET_ID!,
    secretKey: config.TCMPP_SECRET_KEY!,
    token: config.TCMPP_TOKEN,
    timeoutSeconds: config.TCMPP_TIMEOUT_SECONDS,
    ...extra,
  };
}

export class TcmppConfigError extends Error {
  override name = 'TcmppConfigError';
  constructor(readonly variables: readonly string[], message: string) {
    super(message);
  }
}
