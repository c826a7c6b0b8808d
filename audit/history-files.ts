// Workflow histories as files. One format for writing and reading: Temporal's proto JSON (`{"events": [...]}`,
// eventType strings like "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"), exactly what `temporal workflow show
// --output json` prints, so our exports feed Temporal's own tools and theirs feed ours.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { startedAttributes } from './history-reader.js';
import { historyFromJSON, historyToJSON, type History } from './proto-json.js';

export type { History };

export interface LoadedHistory {
  /** The file it came from. */
  file: string;
  workflowId: string;
  runId?: string;
  history: History;
}

/** A bad history file: names the file and what is wrong with it. */
export class HistoryFileError extends Error {
  override name = 'HistoryFileError';
}

/**
 * `<workflowId>__<runId>.json`, with every character outside [A-Za-z0-9.-] percent-encoded (`_` too, so `__`
 * only ever separates the two), safe on any filesystem and decodable back to the ids (workflow ids contain `:`).
 */
export function historyFileName(workflowId: string, runId: string): string {
  return `${encodeId(workflowId)}__${encodeId(runId)}.json`;
}

export function parseHistoryFileName(file: string): { workflowId: string; runId: string } | undefined {
  const stem = basename(file).replace(/\.json$/i, '');
  const at = stem.lastIndexOf('__');
  if (at <= 0) return undefined;
  try {
    return { workflowId: decodeURIComponent(stem.slice(0, at)), runId: decodeURIComponent(stem.slice(at + 2)) };
  } catch {
    return undefined;
  }
}

function encodeId(id: string): string {
  return Array.from(new TextEncoder().encode(id), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9.-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** Writes a history where `temporal workflow show --output json` would put the same content; returns the path. */
export async function writeHistoryFile(dir: string, history: History, name: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, historyToJSON(history) + '\n');
  return path;
}

/** Reads our export or the Temporal CLI's JSON; the workflow id comes from the history, else the file name. */
export async function readHistoryFile(file: string): Promise<LoadedHistory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new HistoryFileError(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new HistoryFileError(`${file}: not JSON (${(err as Error).message})`);
  }
  let history: History;
  let started;
  try {
    history = historyFromJSON(json);
    started = startedAttributes(history);
  } catch (err) {
    throw new HistoryFileError(`${file}: not a workflow history as \`temporal workflow show --output json\` or \`release-gate audit export\` writes it: ${(err as Error).message}`);
  }
  const fromName = parseHistoryFileName(file);
  const workflowId = started.workflowId || fromName?.workflowId || basename(file).replace(/\.json$/i, '');
  const runId = fromName?.runId ?? (started.originalExecutionRunId || undefined);
  return { file, workflowId, ...(runId ? { runId } : {}), history };
}

/** The history files a path names: the file itself, or the *.json files directly in a directory, sorted. */
export async function historyFilesAt(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new HistoryFileError(`${path}: no such file or directory`);
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  return names.map((n) => join(path, n));
}
