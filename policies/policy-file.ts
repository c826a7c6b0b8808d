// Reads a policy (or facts, or case) file from disk with errors that name the file and what is wrong with it.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parsePolicyText } from '../rules/validate.js';
import { PolicyFileError } from './errors.js';

const projectRoot = new URL('../', import.meta.url).pathname;

/**
 * A relative path is taken from the working directory, then from the project root, so POLICY_FILE's default
 * (rules/default.policy.json) also works when the worker is started from elsewhere.
 */
export function resolvePolicyPath(file: string): string {
  const fromCwd = resolve(file);
  if (isAbsolute(file) || existsSync(fromCwd)) return fromCwd;
  const fromRoot = resolve(projectRoot, file);
  return existsSync(fromRoot) ? fromRoot : fromCwd;
}

export function readJsonFile(file: string): unknown {
  const path = resolvePolicyPath(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PolicyFileError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it (${(err as Error).message})`);
  }
  const parsed = parsePolicyText(text);
  if (!parsed.ok) throw new PolicyFileError(`${file}: ${parsed.error}`);
  return parsed.value;
}
