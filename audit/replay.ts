// Replays recorded histories against workflow code: the bundle is built once and shared by a few replay workers
// (Worker.runReplayHistories replays one history at a time per worker), which pull histories from one queue.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { defaultWorkflowsPath } from '../worker/create-workers.js';
import type { LoadedHistory } from './history-files.js';

export interface ReplayOutcome {
  /** Where the history came from: a file, or "temporal" for one fetched by workflow id. */
  source: string;
  workflowId: string;
  runId?: string;
  ok: boolean;
  problem?: 'nondeterminism' | 'replay-failed' | 'unreadable';
  reason?: string;
}

/** A history to replay, loaded lazily so that reading files overlaps with replaying. */
export interface HistorySource {
  source: string;
  load(): Promise<LoadedHistory>;
}

/** The workflow code, bundled once: the production workflows unless a path says otherwise. */
export async function bundleWorkflows(path = defaultWorkflowsPath): Promise<{ code: string }> {
  // The bundler resolves a relative entry point as a package name, and crashes on a missing file.
  const workflowsPath = resolve(path);
  if (!existsSync(workflowsPath)) throw new Error(`${path}: no such workflow module`);
  const silent = () => {};
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { trace: silent, debug: silent, info: silent, warn: silent, log: silent, error: (m) => process.stderr.write(`${m}\n`) },
  });
  return { code };
}

export async function replayHistories(
  sources: readonly HistorySource[],
  opts: { bundle: { code: string }; concurrency?: number; onResult?: (outcome: ReplayOutcome) => void },
): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  const report = (o: ReplayOutcome) => { outcomes.push(o); opts.onResult?.(o); };
  let next = 0;
  // Every lane pulls from this one queue, so a slow history does not hold up the others. runReplayHistories
  // pulls a history only after it has yielded the result of the one before, so the result a lane gets is always
  // of the source it pulled last.
  async function* pull(lane: { current?: HistorySource }) {
    while (next < sources.length) {
      const source = sources[next++]!;
      let loaded: LoadedHistory;
      try {
        loaded = await source.load();
      } catch (err) {
        report({ source: source.source, workflowId: '?', ok: false, problem: 'unreadable', reason: (err as Error).message });
        continue;
      }
      lane.current = source;
      yield { workflowId: loaded.workflowId, history: loaded.history };
    }
  }
  const lanes = Math.max(1, Math.min(opts.concurrency ?? Math.min(4, availableParallelism()), sources.length));
  await Promise.all(Array.from({ length: lanes }, async (_, n) => {
    const lane: { current?: HistorySource } = {};
    const results = Worker.runReplayHistories({ workflowBundle: opts.bundle, replayName: `audit-replay-${n}` }, pull(lane));
    for await (const result of results) {
      const error = result.error;
      report({
        source: lane.current?.source ?? '?', workflowId: result.workflowId, runId: result.runId, ok: !error,
        ...(error ? { problem: error instanceof DeterminismViolationError ? 'nondeterminism' as const : 'replay-failed' as const, reason: reasonOf(error) } : {}),
      });
    }
  }));
  return outcomes;
}

/** The SDK wraps Core's reason in a sentence and a Rust debug dump; keep Core's message. */
function reasonOf(error: Error): string {
  const core = /message: "((?:[^"\\]|\\.)*)"/.exec(error.message);
  if (core) return core[1]!.replace(/\\"/g, '"');
  const at = error.message.indexOf('Details: ');
  return at >= 0 ? error.message.slice(at + 'Details: '.length) : error.message;
}

/**
 * For one-shot commands: the SDK's and Core's own logs down to errors (a failed replay is reported by the
 * command itself; Core's "Failing workflow task" warning would only repeat it). Returns how to shut the runtime
 * down again, which a CLI process needs in order to exit; a runtime that already exists (tests) is left alone.
 */
export function installQuietTemporalRuntime(): () => Promise<void> {
  try {
    const runtime = Runtime.install({
      shutdownSignals: [],
      logger: new DefaultLogger('ERROR'),
      telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
    });
    return () => runtime.shutdown();
  } catch {
    return async () => {};
  }
}
