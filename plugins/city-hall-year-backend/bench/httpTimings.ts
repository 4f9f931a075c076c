/*
 * Timing GET requests against a running test backend, for the benchmarks: keep-alive
 * connections, a number of requests in flight, percentiles of what came back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** The value at percentile `p` of sorted timings. */
export function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

function get(
  agent: http.Agent,
  port: number,
  path: string,
  auth: string,
): Promise<{ ms: number; status: number; bytes: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers: { Authorization: auth },
          agent,
        },
        res => {
          let bytes = 0;
          res.on('data', chunk => (bytes += chunk.length));
          res.on('end', () =>
            resolve({
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              status: res.statusCode ?? 0,
              bytes,
            }),
          );
        },
      )
      .on('error', reject);
  });
}

/** Figures of one measured route. */
export interface RouteFigures {
  requests: number;
  'requests/s': number;
  'p50 ms': string;
  'p99 ms': string;
  'response KiB': number;
}

/**
 * Sends `requests` GETs of `path` (after 20 to warm up), `concurrency` at a time, and
 * returns the figures. Any status but 200 stops the benchmark.
 */
export async function measure(
  server: Server,
  path: string,
  auth: string,
  options: { requests: number; concurrency: number },
): Promise<RouteFigures> {
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
  });
  try {
    for (let i = 0; i < 20; i++) await get(agent, port, path, auth);
    const timings: number[] = [];
    let bytes = 0;
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.requests) {
          next += 1;
          const r = await get(agent, port, path, auth);
          if (r.status !== 200) throw new Error(`${path}: status ${r.status}`);
          timings.push(r.ms);
          bytes = r.bytes;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    timings.sort((a, b) => a - b);
    return {
      requests: timings.length,
      'requests/s': Math.round(timings.length / seconds),
      'p50 ms': percentile(timings, 50).toFixed(1),
      'p99 ms': percentile(timings, 99).toFixed(1),
      'response KiB': Math.round(bytes / 1024),
    };
  } finally {
    agent.destroy();
  }
}

/** Prints a titled table of figures. */
export function printFigures(title: string, table: Record<string, unknown>) {
  // eslint-disable-next-line no-console
  console.log(
    `\n${title}\n${Object.entries(table)
      .map(([k, v]) => `  ${k.padEnd(16)} ${v}`)
      .join('\n')}\n`,
  );
}
