// Small HTTP helpers for the reviewer API: bounded JSON bodies and JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidInputError } from '../reviews/errors.js';

const maxBodyBytes = 64 * 1024;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new InvalidInputError(`request body over ${maxBodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new InvalidInputError('request body is empty: send a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InvalidInputError(`request body is not JSON: ${(err as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
