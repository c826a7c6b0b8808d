// The store's refusals, with their data, so the CLI and the worker can print them and tests can check them.
import { formatProblem, type PolicyProblem } from '../rules/validate.js';

export class PolicyInvalidError extends Error {
  override name = 'PolicyInvalidError';
  constructor(readonly problems: PolicyProblem[], what = 'the policy') {
    super(`${what} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  }
}

export class PolicyVersionNotFoundError extends Error {
  override name = 'PolicyVersionNotFoundError';
  constructor(readonly version: number) {
    super(`no policy version ${version} in the store (release-gate policy list shows the versions)`);
  }
}

export class PolicyFileError extends Error {
  override name = 'PolicyFileError';
}
