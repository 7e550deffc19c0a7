/** The few git commands the diff needs: resolve a ref, extract data/ and schemas/ of it, find tags. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiffUsageError } from './errors.js';

export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
}

/** The top folder of the git work tree holding `cwd`, or null outside a repository. */
export function gitTop(cwd: string): string | null {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The commit a ref names, or null when it names none (or `cwd` is not in a repository). */
export function resolveCommit(ref: string, cwd: string): string | null {
  if (ref.startsWith('-')) return null;
  const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd,
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function tagExists(tag: string, cwd: string): boolean {
  return resolveCommit(`refs/tags/${tag}`, cwd) !== null;
}

/** The paths of the repository the diff reads from a commit. */
export const TREE_PATHS = ['data', 'schemas', 'packages/dataset/package.json'] as const;

/**
 * Writes data/, schemas/ and packages/dataset/package.json of a commit into a new temporary folder
 * (through `git archive`, so the work tree is not touched). The caller removes it.
 */
export function extractCommit(commit: string, cwd: string): string {
  const top = gitTop(cwd);
  if (!top) throw new DiffUsageError(`not in a git repository: ${cwd}`);
  const present = TREE_PATHS.filter(
    (p) => git(['ls-tree', '--name-only', commit, '--', p], top).trim() !== '',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-diff-git-'));
  if (!present.length) return dir;
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', commit, '--', ...present], {
      cwd: top,
      maxBuffer: 1 << 30,
    });
    const tar = spawnSync('tar', ['-x', '-f', '-', '-C', dir], {
      input: archive,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    // tar's exit status decides: a tar that fails may stop reading first, and then writing to it
    // fails too (EPIPE), which says nothing of why.
    if (tar.status !== 0)
      throw new DiffUsageError(
        `commit ${commit}: tar could not unpack its files (${tar.status === null ? (tar.error?.message ?? `signal ${tar.signal}`) : `exit status ${tar.status}`}); tar's message, if any, is above`,
      );
    return dir;
  } catch (error) {
    // The caller gets no folder to remove when this fails.
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
