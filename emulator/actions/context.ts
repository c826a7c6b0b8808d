import type { EmulatorState } from '../state.js';

/** What an action sees of one request besides its parameters. */
export interface ActionContext {
  state: EmulatorState;
  now: Date;
  requestId: string;
  secretId: string;
  /** Recorded as ApprovalUser when this account processes an approval. */
  approverName: string;
  noteMaxLength: number;
  /** False when a fault will swallow this call's answer (recorded in the approval's history). */
  answered: boolean;
}

/** Runs an action: returns the fields of `Response` besides RequestId, or throws ApiFailure. */
export type ActionHandler = (params: Record<string, unknown>, ctx: ActionContext) => Record<string, unknown>;
