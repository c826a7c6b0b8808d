// Paging over TCMPP's Offset/Limit lists. The lists are live: an approval added while we page pushes the
// others one place down (we would see one twice: deduplicated by ApprovalNo), and one that leaves a status
// filter pulls them up (we may miss one: the next poll sees it). A server that keeps sending full pages
// without a TotalCount is stopped after MAX_PAGES rather than paged forever.
import { TcmppResponseError } from './errors.js';
import type { DescribeMNPApprovalListData, DescribeMNPApprovalListRequest, DescribeMNPApprovalListResponse } from './types.js';

export interface PagingOptions {
  /** Limit of each page request. */
  pageSize?: number;
  /** Stop once this many items are collected. */
  maxItems?: number;
}

export interface Page<T> {
  requestId: string;
  totalCount: number | undefined;
  items: T[];
}

export interface ListAllResult<T> {
  items: T[];
  /** TotalCount of the last page that had one. */
  totalCount: number | undefined;
  /** The RequestId of every page read, in order. */
  requestIds: string[];
}

export const MAX_PAGES = 1000;

export async function listAll<T>(
  action: string,
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  keyOf: (item: T) => string | undefined,
  opts: PagingOptions & { pageSize: number },
): Promise<ListAllResult<T>> {
  const { pageSize, maxItems } = opts;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number of at least 1 (got ${pageSize})`);
  const seen = new Set<string>();
  const result: ListAllResult<T> = { items: [], totalCount: undefined, requestIds: [] };
  let offset = 0;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(offset, pageSize);
    result.requestIds.push(page.requestId);
    result.totalCount = page.totalCount ?? result.totalCount;
    for (const item of page.items) {
      const key = keyOf(item);
      if (key !== undefined) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      result.items.push(item);
      if (maxItems !== undefined && result.items.length >= maxItems) return result;
    }
    offset += page.items.length;
    const lastPage = page.items.length < pageSize || (result.totalCount !== undefined && offset >= result.totalCount);
    if (lastPage) return result;
    if (pages >= MAX_PAGES) {
      throw new TcmppResponseError(action, [`still full pages after ${MAX_PAGES} pages of ${pageSize} (TotalCount ${result.totalCount ?? 'absent'})`], page.requestId);
    }
  }
}

export interface FindApprovalHints {
  /** The approval's application, when known: narrows the pages to read. */
  applicationId?: string;
  /** The mini program's name (the list's Keyword), when known. */
  mnpName?: string;
  pageSize?: number;
}

export interface FindApprovalResult {
  approval: DescribeMNPApprovalListData | undefined;
  requestIds: string[];
  pagesRead: number;
}

/** Pages DescribeMNPApprovalList (every status) until one entry has the ApprovalNo. */
export async function findApproval(
  describe: (req: DescribeMNPApprovalListRequest) => Promise<DescribeMNPApprovalListResponse>,
  platformId: string,
  approvalNo: string,
  hints: FindApprovalHints & { pageSize: number },
): Promise<FindApprovalResult> {
  const filter: DescribeMNPApprovalListRequest = { PlatformId: platformId, Offset: 0, Limit: hints.pageSize };
  if (hints.applicationId) filter.ApplicationId = hints.applicationId;
  if (hints.mnpName) filter.Keyword = hints.mnpName;
  const result: FindApprovalResult = { approval: undefined, requestIds: [], pagesRead: 0 };
  await listAll('DescribeMNPApprovalList', async (Offset, Limit) => {
    const r = await describe({ ...filter, Offset, Limit });
    result.requestIds.push(r.RequestId);
    result.pagesRead++;
    const items = r.Data?.DataList ?? [];
    result.approval = items.find((item) => item.ApprovalNo === approvalNo);
    // Once found, report a short page so that listAll stops here.
    return { requestId: r.RequestId, totalCount: r.Data?.TotalCount, items: result.approval ? [] : items };
  }, (item) => item.ApprovalNo, { pageSize: hints.pageSize });
  return result;
}
