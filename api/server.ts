// The reviewer HTTP API server (`release-gate api`, and part of `make dev`).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRouter, type ApiDeps } from './routes.js';

const stopGraceMs = 5000;

export interface RunningApi {
  url: string;
  server: Server;
  stop: () => Promise<void>;
}

export async function startApiServer(deps: ApiDeps, port: number, host = '127.0.0.1'): Promise<RunningApi> {
  const router = createRouter(deps);
  const server = createServer((req, res) => void router(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`HTTP_PORT ${port} is in use: set HTTP_PORT to a free port`) : err));
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`,
    server,
    // Requests in flight get a few seconds to finish; idle keep-alive connections close now, stragglers after.
    stop: () => new Promise((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), stopGraceMs);
      server.close(() => { clearTimeout(force); resolve(); });
      server.closeIdleConnections();
    }),
  };
}
