// The workflows the worker registers. Everything under workflows/ runs in Temporal's deterministic sandbox:
// no I/O, no Node built-ins, no clock but Temporal's; activities are imported as types only.
export { approvalWorkflow } from './approval/workflow.js';
export { intakeWorkflow } from './intake.js';
