// ProcessMNPApproval: approve (3) or reject (2) a processing release approval. Checks run in this order, and
// the first that fails answers:
//   1. parameters: UnknownParameter, MissingParameter, InvalidParameter (wrong JSON type);
//   2. ApprovalItems empty: InvalidParameterValue.ProcessApprovalItemIsEmpty;
//   3. each item: ApprovalResult not 2 or 3, or one AppId twice: InvalidParameterValue;
//      a reject with no note, or a note longer than the limit: InvalidParameterValue.InvalidApprovalNote;
//   4. PlatformId: InvalidParameterValue.InvalidPlatformId; its plan expired: FailedOperation.PackageAlreadyExpired;
//   5. ApprovalNo not on the platform: InvalidParameterValue.InvalidApprovalNo;
//   6. approval no longer processing (approved, rejected, cancelled): InvalidParameterValue.ProcessMNPApprovalStatusError;
//   7. an item's AppId is not the approval's application:
//      InvalidParameterValue.ProcessApplicationAndApprovalApplicationMismatch.
// So a second ProcessMNPApproval of one approval is never applied: it answers ProcessMNPApprovalStatusError, the
// code the API page gives for a status that does not allow the operation, whatever the second decision says.
// Every call that names an existing approval is kept in its history, refused or applied.
import { ApiFailure, fail } from '../api-failure.js';
import { apiTime, type ApprovalRecord } from '../state.js';
import type { ActionHandler } from './context.js';
import { Params, openPlatform } from './params.js';

const PROCESSING = 1;

interface Item { appId: string; result: 2 | 3; note: string | undefined }

export const processMNPApproval: ActionHandler = (values, ctx) => {
  const target = typeof values.PlatformId === 'string' && typeof values.ApprovalNo === 'string'
    ? ctx.state.approval(values.PlatformId, values.ApprovalNo)
    : undefined;
  try {
    const p = new Params(values).only(['ApprovalNo', 'PlatformId', 'ApprovalItems']);
    const approvalNo = p.string('ApprovalNo');
    const platformId = p.string('PlatformId');
    const items = readItems(p.objects('ApprovalItems'), ctx.noteMaxLength);
    const platform = openPlatform(ctx.state, platformId, ctx.now);
    const approval = platform.approvals.get(approvalNo)
      ?? fail('InvalidParameterValue.InvalidApprovalNo', `The approval ID \`${approvalNo}\` is invalid: no such approval on platform ${platformId}.`);
    if (approval.ApprovalStatus !== PROCESSING) {
      fail('InvalidParameterValue.ProcessMNPApprovalStatusError',
        `Approval ${approvalNo} is ${statusName(approval.ApprovalStatus)}, not processing: it cannot be processed again.`);
    }
    for (const item of items) {
      if (item.appId !== approval.ApplicationId) {
        fail('InvalidParameterValue.ProcessApplicationAndApprovalApplicationMismatch',
          `The application \`${item.appId}\` does not match application ${approval.ApplicationId} of approval ${approvalNo}.`);
      }
    }
    apply(approval, items, ctx.approverName, ctx.now);
    record(approval, ctx, values.ApprovalItems, PROCESSING, { outcome: 'applied' });
    return { Data: { Result: true } };
  } catch (err) {
    if (target && err instanceof ApiFailure) {
      record(target, ctx, values.ApprovalItems, target.ApprovalStatus, { outcome: 'refused', code: err.code, message: err.message });
    }
    throw err;
  }
};

function readItems(items: Params[], noteMaxLength: number): Item[] {
  const read = items.map((item, i): Item => {
    item.only(['AppId', 'ApprovalResult', 'ApprovalNote']);
    const appId = item.string('AppId');
    const result = item.integer('ApprovalResult', { min: -2147483648, max: 2147483647 });
    if (result !== 2 && result !== 3) {
      fail('InvalidParameterValue', `The value of \`ApprovalItems.${i}.ApprovalResult\` must be 2 (reject) or 3 (approve) (got ${result}).`);
    }
    const note = item.optionalString('ApprovalNote');
    if (result === 2 && (note === undefined || note.trim() === '')) {
      fail('InvalidParameterValue.InvalidApprovalNote', `\`ApprovalItems.${i}.ApprovalNote\` is required when the release is rejected.`);
    }
    // Counted in characters (code points), not UTF-16 units, so a note in Chinese gets the same limit.
    const length = note === undefined ? 0 : [...note].length;
    if (length > noteMaxLength) {
      fail('InvalidParameterValue.InvalidApprovalNote', `The length of \`ApprovalItems.${i}.ApprovalNote\` (${length}) exceeds the limit of ${noteMaxLength} characters.`);
    }
    return { appId, result: result, note };
  });
  if (read.length === 0) fail('InvalidParameterValue.ProcessApprovalItemIsEmpty', 'The approval details (`ApprovalItems`) are required.');
  const seen = new Set<string>();
  for (const [i, item] of read.entries()) {
    if (seen.has(item.appId)) fail('InvalidParameterValue', `\`ApprovalItems.${i}.AppId\` repeats application ${item.appId}.`);
    seen.add(item.appId);
  }
  return read;
}

function apply(approval: ApprovalRecord, items: Item[], approver: string, now: Date): void {
  const rejected = items.find((i) => i.result === 2);
  const decisive = rejected ?? items[0]!;
  approval.ApprovalStatus = rejected ? 2 : 3;
  approval.ApprovalUser = approver;
  approval.ApprovalTime = apiTime(now);
  approval.ApprovalNote = decisive.note ?? '';
}

function record(
  approval: ApprovalRecord,
  ctx: Parameters<ActionHandler>[1],
  items: unknown,
  statusBefore: number,
  result: { outcome: 'applied' | 'refused'; code?: string; message?: string },
): void {
  approval.history.push({
    time: ctx.now.toISOString(),
    requestId: ctx.requestId,
    secretId: ctx.secretId,
    items: structuredClone(items ?? null),
    ...result,
    statusBefore,
    statusAfter: approval.ApprovalStatus,
    answered: ctx.answered,
  });
}

function statusName(status: number): string {
  return ({ 2: 'rejected', 3: 'approved', 4: 'cancelled' } as Record<number, string>)[status] ?? `in status ${status}`;
}
