/**
 * Runs a command as a child process and measures its wall time and peak memory (the largest
 * maximum resident set size of any Node process it starts, via a preload that reports at exit).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-rss.cjs');

export interface Measurement {
  seconds: number;
  /** Peak RSS in MiB over the Node processes of the command. */
  peakMiB: number;
}

export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; okStatus?: number[] },
): Measurement {
  const rssDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-rss-'));
  const rssFile = path.join(rssDir, 'rss');
  try {
    const started = performance.now();
    const r = spawnSync(command, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        ...options.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
        ECL_RSS_FILE: rssFile,
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (!(options.okStatus ?? [0]).includes(r.status ?? -1))
      throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
    const peaks = fs.existsSync(rssFile)
      ? fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)
      : [0];
    return { seconds, peakMiB: Math.max(...peaks) / 1024 };
  } finally {
    fs.rmSync(rssDir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Measurements of several runs: the median time, the largest peak, and each run's time in order. */
export type Repeated = Measurement & { runs: number[] };

function summarise(all: Measurement[]): Repeated {
  return {
    seconds: median(all.map((m) => m.seconds)),
    peakMiB: Math.max(...all.map((m) => m.peakMiB)),
    runs: all.map((m) => m.seconds),
  };
}

/** Runs `times` measurements and returns the median time and the largest peak. */
export function repeat(times: number, run: () => Measurement): Repeated {
  return summarise(Array.from({ length: times }, run));
}

/**
 * Runs a tool and its peer `times` times each, alternately (tool, peer, tool, peer, …), so that both
 * meet the same state of the machine: the i-th runs of the two are a pair.
 */
export function interleave(
  times: number,
  tool: () => Measurement,
  peer: () => Measurement,
): [Repeated, Repeated] {
  const ours: Measurement[] = [];
  const theirs: Measurement[] = [];
  for (let i = 0; i < times; i++) {
    ours.push(tool());
    theirs.push(peer());
  }
  return [summarise(ours), summarise(theirs)];
}
