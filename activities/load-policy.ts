// loadPolicy: the active policy version from the store. The store publishes the configured file as version 1
// when empty (at worker start-up), so "no active policy" means a broken store: the workflow fails safe.
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../failures/types.js';

export interface LoadedPolicy {
  name: string;
  version: number;
  hash: string;
  document: unknown;
}

export interface ActivePolicySource {
  getActive(): Promise<{ version: number; hash: string; document: unknown } | undefined>;
}

export function createLoadPolicy(source: ActivePolicySource) {
  return async function loadPolicy(): Promise<LoadedPolicy> {
    const active = await source.getActive();
    if (!active) {
      throw ApplicationFailure.create({
        type: FailureType.misconfigured,
        message: 'no active policy in the store: publish and activate one (release-gate policy publish FILE, policy activate VERSION)',
        nonRetryable: true,
      });
    }
    const name = typeof active.document === 'object' && active.document !== null && 'name' in active.document ? String(active.document.name) : '(unnamed)';
    return { name, version: active.version, hash: active.hash, document: active.document };
  };
}
