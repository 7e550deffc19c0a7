/** The build's command line as users run it (`node --import tsx build/build.ts …`), and what a test compares. */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../build/paths.js';

export const buildScript = path.join(packageRoot, 'build', 'build.ts');

/** The arguments of `node` that run the build CLI with `args`. */
export const buildCommand = (args: string[]) => ['--import', 'tsx', buildScript, ...args];

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the build CLI to its end. */
export function runBuild(args: string[]): BuildRun {
  const r = spawnSync(process.execPath, buildCommand(args), {
    cwd: packageRoot,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the build CLI; the caller waits for `exit`. */
export const startBuild = (args: string[]) =>
  spawn(process.execPath, buildCommand(args), {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** A new temporary folder, removed after the test (or the file) that made it. */
export { tempDir } from '@encrochat-ledger/test-support';

/** Every file under `dir` (dot files and links included) with the SHA-256 of its bytes; a link as its target. */
export function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else
        out.set(
          path.relative(dir, full),
          e.isSymbolicLink()
            ? `-> ${fs.readlinkSync(full)}`
            : crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'),
        );
    }
  };
  walk(dir);
  return out;
}

/** The fix every refusal of `--out` gives. */
export const OUT_FIX = "choose an empty or new folder, or a previous build's folder";
