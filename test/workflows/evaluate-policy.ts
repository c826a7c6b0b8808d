import { evaluate, type EvaluateOptions, type PolicyDecision } from '../../rules/evaluate.js';

/** Runs the policy engine inside the workflow sandbox, to prove it is deterministic and bundles. */
export async function evaluatePolicyWorkflow(policy: unknown, facts: unknown, opts: EvaluateOptions): Promise<PolicyDecision> {
  return await evaluate(policy, facts, opts);
}
