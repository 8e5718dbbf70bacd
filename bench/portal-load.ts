/**
 * The load generator of bench/portal.bench.ts, run as a SECOND process: `connections` keep-alive
 * connections each issuing GETs back to back over a list of paths for `seconds` (after a warm-up),
 * then one JSON line on stdout: requests, seconds, requests/s, latency percentiles, errors, bytes.
 */
import http from 'node:http';

interface Args { base: string; paths: string[]; connections: number; seconds: number; warmup: number }
const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const target = new URL(args.base);
const agent = new http.Agent({ keepAlive: true, maxSockets: args.connections });

let next = 0;
let recording = false;
const latencies: number[] = [];
let errors = 0;
let bytes = 0;

function request(): Promise<void> {
  const path = args.paths[next++ % args.paths.length]!;
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: target.hostname, port: target.port, path, agent, headers: { accept: 'text/html' } }, (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => { size += chunk.length; });
      res.on('end', () => {
        if (recording) {
          latencies.push(performance.now() - started);
          bytes += size;
          if (res.statusCode !== 200) errors++;
        }
        resolve();
      });
    });
    req.on('error', () => {
      if (recording) errors++;
      resolve();
    });
  });
}

async function run(until: number): Promise<void> {
  const loop = async () => {
    while (performance.now() < until) await request();
  };
  await Promise.all(Array.from({ length: args.connections }, loop));
}

await run(performance.now() + args.warmup * 1000);
recording = true;
const start = performance.now();
await run(start + args.seconds * 1000);
const seconds = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? NaN;
process.stdout.write(`${JSON.stringify({ requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50: pct(50), p99: pct(99), errors, bytes })}\n`);
agent.destroy();
