// rules/default.policy.json written by hand as a TypeScript function: the baseline the benchmark compares the
// engine with. It must stay in step with the policy file; bench/run.ts refuses to report figures if the two
// disagree on any case.
import type { ApprovalFacts, Outcome } from '../rules/facts.js';

const blockedApplicants = new Set(['blocked_vendor_0417', 'former_contractor_ops']);
const trustedTeams = new Set(['team-7k2m9q', 'team-3xw8pd']);
const workingDays = new Set(['mon', 'tue', 'wed', 'thu', 'fri']);

export function decideDefaultByHand(f: ApprovalFacts): { outcome: Outcome; fired: string[] } {
  const fired: string[] = [];
  if (f.miniProgram.status === 'removed') fired.push('removed-mini-program');
  if (blockedApplicants.has(f.approval.applicant)) fired.push('blocked-applicant');
  if (f.platform.planExpired) fired.push('platform-plan-expired');
  const rejects = fired.length; // the reject rules are pushed first: what fired so far is theirs

  if (f.release.bump === 'major') fired.push('major-version');
  if (f.release.firstRelease || f.release.releasedVersionCount === 0) fired.push('first-release');
  if (f.sensitiveApis.pendingCount > 0) fired.push('new-sensitive-apis');
  if (f.release.bump === 'downgrade') fired.push('version-downgrade');
  const escalated = fired.length > rejects;

  const routine =
    (f.release.bump === 'patch' || f.release.bump === 'minor') &&
    !f.release.prerelease &&
    f.release.releasedVersionCount >= 1 &&
    f.miniProgram.status === 'released' &&
    f.miniProgram.ageDays !== null && f.miniProgram.ageDays >= 30 &&
    f.team.id !== null && trustedTeams.has(f.team.id) &&
    f.sensitiveApis.pendingCount === 0 &&
    workingDays.has(f.clock.weekday) && f.clock.hour >= 9 && f.clock.hour < 18;
  if (routine) fired.push('trusted-routine-release');

  const outcome: Outcome = rejects > 0 ? 'reject' : escalated ? 'escalate' : routine ? 'approve' : 'escalate';
  return { outcome, fired };
}
