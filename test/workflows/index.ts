// The bundle every test worker runs: the production workflows plus the few that exist only to test the stack.
export * from '../../workflows/index.js';
export * from './smoke.js';
export * from './evaluate-policy.js';
