// pickUpApprovals: the intake of one platform. Reads every processing approval from TCMPP and starts one
// approval workflow for each it has not seen. Idempotent twice over: the workflow id is the approval's, and
// approvals the ledger already finished are skipped even after Temporal has forgotten their workflows.
import { heartbeat } from '@temporalio/activity';
import type { Ledger } from '../ledger/ledger-store.js';
import type { Logger } from '../logging/logger.js';
import type { TcmppClient } from '../tcmpp/client.js';
import { MNP_APPROVAL_STATUS, type DescribeMNPApprovalListData } from '../tcmpp/types.js';
import { translatingFailures } from './failures.js';

export type StartResult = 'started' | 'already-running' | 'already-finished';

export interface ApprovalStarter {
  start(platformId: string, approval: DescribeMNPApprovalListData & { ApprovalNo: string }, via: 'intake' | 'api' | 'cli'): Promise<StartResult>;
}

export interface PickUpSummary {
  platformId: string;
  listed: number;
  started: number;
  alreadyRunning: number;
  alreadyFinished: number;
  /** Listed entries without an ApprovalNo: reported, since nothing can be done with them. */
  unusable: number;
}

const concurrency = 8;

export function createPickUpApprovals(deps: { tcmpp: TcmppClient; ledger: Ledger; starter: ApprovalStarter; logger: Logger }) {
  return async function pickUpApprovals({ platformId }: { platformId: string }): Promise<PickUpSummary> {
    const listed = await translatingFailures(() =>
      deps.tcmpp.listAllMNPApprovals({ PlatformId: platformId, ApprovalStatusList: [MNP_APPROVAL_STATUS.processing] }),
    );
    const summary: PickUpSummary = { platformId, listed: listed.items.length, started: 0, alreadyRunning: 0, alreadyFinished: 0, unusable: 0 };
    const usable = listed.items.filter((a): a is DescribeMNPApprovalListData & { ApprovalNo: string } => Boolean(a.ApprovalNo));
    summary.unusable = listed.items.length - usable.length;
    if (summary.unusable > 0) deps.logger.warn('TCMPP listed approvals without an ApprovalNo', { platformId, count: summary.unusable });

    const finished = await deps.ledger.finishedApprovalNos(platformId, usable.map((a) => a.ApprovalNo));
    const todo = usable.filter((a) => !finished.has(a.ApprovalNo));
    summary.alreadyFinished = usable.length - todo.length;

    let next = 0;
    const workers = Array.from({ length: Math.min(concurrency, todo.length) }, async () => {
      while (next < todo.length) {
        const approval = todo[next++]!;
        const result = await deps.starter.start(platformId, approval, 'intake');
        if (result === 'started') {
          summary.started++;
          deps.logger.info('picked up approval', { platformId, approvalNo: approval.ApprovalNo, mnp: approval.MNPName, version: approval.MNPVersion });
        } else if (result === 'already-running') summary.alreadyRunning++;
        else summary.alreadyFinished++;
        heartbeat({ done: summary.started + summary.alreadyRunning + summary.alreadyFinished, of: usable.length });
      }
    });
    await Promise.all(workers);
    deps.logger.info('intake done', { ...summary });
    return summary;
  };
}
