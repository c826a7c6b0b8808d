import type { ActionHandler } from './context.js';
import {
  describeMNPApprovalList,
  describeMNPDetail,
  describeMNPReleasedVersionHistory,
  describeMNPSensitiveAPIPermissionApprovalList,
} from './describe.js';
import { processMNPApproval } from './process-mnp-approval.js';

/** The actions the emulator speaks, by API name; any other X-TC-Action answers InvalidAction. */
// A Map, not an object literal: X-TC-Action "toString" must not find Object.prototype's.
export const actions: ReadonlyMap<string, ActionHandler> = new Map([
  ['ProcessMNPApproval', processMNPApproval],
  ['DescribeMNPApprovalList', describeMNPApprovalList],
  ['DescribeMNPDetail', describeMNPDetail],
  ['DescribeMNPReleasedVersionHistory', describeMNPReleasedVersionHistory],
  ['DescribeMNPSensitiveAPIPermissionApprovalList', describeMNPSensitiveAPIPermissionApprovalList],
]);

export const SUPPORTED_VERSION = '2024-08-01';

export type { ActionContext, ActionHandler } from './context.js';
