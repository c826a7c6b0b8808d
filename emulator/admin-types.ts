// Shapes of the admin API (/_emulator/...), shared by the server and emulator/admin-client.ts.
import type { FaultSettings, FaultSettingsInput } from './faults.js';
import type { ApprovalFixture, MiniProgramFixture, SensitiveApiApprovalFixture } from './fixtures.js';
import type { ProcessingAttempt } from './state.js';

export type CallOutcome = 'success' | 'error' | 'unanswered' | 'hung';

/** One request to the API port, whatever became of it. */
export interface CallRecord {
  seq: number;
  /** ISO 8601, when the request arrived. */
  time: string;
  /** X-TC-Action as sent ('' when absent). */
  action: string;
  secretId?: string;
  requestId: string;
  outcome: CallOutcome;
  /** The error code answered (outcome 'error'). */
  code?: string;
  message?: string;
  /** The JSON parameters, when they parsed. */
  params?: unknown;
  /** Which fault shaped the call, if any. */
  fault?: 'error' | 'latency' | 'unanswered' | 'hang';
  /** Until the answer was written (absent when none was). */
  durationMs?: number;
}

export interface ApprovalView extends ApprovalFixture {
  PlatformId: string;
  /** Every ProcessMNPApproval that named this approval, oldest first. */
  history: ProcessingAttempt[];
}

/** POST /_emulator/approvals. ApprovalNo, MNPVersionId and ApplyTime are generated when absent; a mini program
 * that the platform lacks is created from `MiniProgram` (or with defaults named after the MNPId). */
export type NewApproval = Partial<Omit<ApprovalFixture, 'ApplicationId' | 'MNPId' | 'MNPVersion'>>
  & Pick<ApprovalFixture, 'ApplicationId' | 'MNPId' | 'MNPVersion'>
  & { PlatformId: string; MiniProgram?: Partial<MiniProgramFixture> };

export type NewSensitiveApiApproval = Partial<SensitiveApiApprovalFixture>
  & Pick<SensitiveApiApprovalFixture, 'APIName' | 'APIMethod' | 'MNPId' | 'ApplicationId'>
  & { PlatformId: string };

export type { FaultSettings, FaultSettingsInput };
