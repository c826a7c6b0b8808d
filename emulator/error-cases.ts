// Every error code of the ProcessMNPApproval API page, each with the request that triggers it against the
// default fixture. Shared by the contract tests of the typed client and of an independent Tencent SDK, so both
// prove the same table. None of these requests may change an approval.
import type { EmulatorAdminClient } from './admin-client.js';

export const PLATFORM = 'T04257DS9431720WTAG';
/** A processing approval of application app-cc6g35711m (Parcel Pickup 2.4.1). */
export const TARGET = 'aud8k2m5q1x7z3w9pa';
const APP = 'app-cc6g35711m';
const approveItem = { AppId: APP, ApprovalResult: 3, ApprovalNote: 'Patch release' };

export interface ErrorCase {
  code: string;
  trigger: string;
  request: Record<string, unknown>;
  /** Prepares the emulator (a fault) before the request. */
  setup?: (admin: EmulatorAdminClient) => Promise<void>;
}

export function processApprovalErrorCases(noteMaxLength: number): ErrorCase[] {
  const base = { ApprovalNo: TARGET, PlatformId: PLATFORM, ApprovalItems: [approveItem] };
  return [
    { code: 'MissingParameter', trigger: 'no ApprovalNo', request: { PlatformId: PLATFORM, ApprovalItems: [approveItem] } },
    { code: 'MissingParameter', trigger: 'an item without AppId', request: { ...base, ApprovalItems: [{ ApprovalResult: 3 }] } },
    { code: 'InvalidParameter', trigger: 'ApprovalNo a number', request: { ...base, ApprovalNo: 12345 } },
    { code: 'InvalidParameter', trigger: 'ApprovalItems not an array', request: { ...base, ApprovalItems: approveItem } },
    { code: 'UnknownParameter', trigger: 'a parameter the action does not have', request: { ...base, Force: true } },
    { code: 'InvalidParameterValue', trigger: 'ApprovalResult neither 2 nor 3', request: { ...base, ApprovalItems: [{ ...approveItem, ApprovalResult: 1 }] } },
    { code: 'InvalidParameterValue.ProcessApprovalItemIsEmpty', trigger: 'ApprovalItems empty', request: { ...base, ApprovalItems: [] } },
    { code: 'InvalidParameterValue.InvalidApprovalNote', trigger: 'a reject without a note', request: { ...base, ApprovalItems: [{ AppId: APP, ApprovalResult: 2 }] } },
    { code: 'InvalidParameterValue.InvalidApprovalNote', trigger: 'a reject with a blank note', request: { ...base, ApprovalItems: [{ AppId: APP, ApprovalResult: 2, ApprovalNote: '  ' }] } },
    {
      code: 'InvalidParameterValue.InvalidApprovalNote', trigger: `a note over ${noteMaxLength} characters`,
      request: { ...base, ApprovalItems: [{ ...approveItem, ApprovalNote: '审'.repeat(noteMaxLength + 1) }] },
    },
    { code: 'InvalidParameterValue.InvalidPlatformId', trigger: 'a platform the account does not have', request: { ...base, PlatformId: 'T00000000000000NOPE' } },
    { code: 'InvalidParameterValue.InvalidApprovalNo', trigger: 'an approval the platform does not have', request: { ...base, ApprovalNo: 'audnosuchapproval0' } },
    {
      code: 'InvalidParameterValue.ProcessMNPApprovalStatusError', trigger: 'an approval already approved',
      request: { ...base, ApprovalNo: 'aude2w8p6k4m1x9cqa' },
    },
    {
      code: 'InvalidParameterValue.ProcessMNPApprovalStatusError', trigger: 'an approval cancelled by its applicant',
      request: { ...base, ApprovalNo: 'auds5n9k3m7c1f6xwd' },
    },
    {
      code: 'InvalidParameterValue.ProcessApplicationAndApprovalApplicationMismatch', trigger: 'an AppId of another application',
      request: { ...base, ApprovalItems: [{ ...approveItem, AppId: 'app-a7k3m2p9xz' }] },
    },
    {
      code: 'FailedOperation.PackageAlreadyExpired', trigger: 'a platform whose plan has expired',
      request: { ApprovalNo: 'audx7m3q9v1k5t8rwh', PlatformId: 'T07781XK2203915QPLM', ApprovalItems: [{ AppId: 'app-h2r8w5k1pn', ApprovalResult: 3 }] },
    },
    {
      code: 'InternalError', trigger: 'a server fault (injected)', request: base,
      setup: async (admin) => { await admin.setFaults({ errors: [{ action: 'ProcessMNPApproval', code: 'InternalError', rate: 1, count: 1 }] }); },
    },
  ];
}
