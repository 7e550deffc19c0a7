/**
 * Reasoned exceptions: data/validator-exceptions.json maps a rule code to the claim ids it must not
 * flag, each with a reason. An exception no finding needs any more is itself an error (EXC001), so
 * the list cannot rot. The dataset package ships the file beside its bundle (dist/data.json), where it
 * applies in the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXCEPTIONS_FILE } from '@encrochat-ledger/core';
import { z } from 'zod';

const Schema = z.record(
  z.string().regex(/^[A-Z]+\d{3}$/),
  z.record(z.string().min(1), z.string().min(10, 'give a reason of at least 10 characters')),
);

export interface Exceptions {
  file: string;
  display: string;
  entries: Map<string, { code: string; key: string; reason: string }>;
  problem?: string;
}

export function readExceptions(root: string, cwd: string): Exceptions | null {
  const file = path.join(root, EXCEPTIONS_FILE);
  const stats = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stats) return null;
  const display = path.relative(cwd, file).split(path.sep).join('/');
  const entries = new Map<string, { code: string; key: string; reason: string }>();
  // A link, FIFO or folder is not opened: reading a FIFO would wait forever.
  if (!stats.isFile())
    return { file, display, entries, problem: 'not a regular file (a link, a FIFO or a folder)' };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { file, display, entries, problem: `invalid JSON: ${(error as Error).message}` };
  }
  const parsed = Schema.safeParse(raw);
  if (!parsed.success)
    return {
      file,
      display,
      entries,
      problem: parsed.error.issues
        .map((i) => `${i.path.join('/') || '(top)'}: ${i.message}`)
        .join('; '),
    };
  for (const [code, keys] of Object.entries(parsed.data))
    for (const [key, reason] of Object.entries(keys))
      entries.set(`${code}\u0000${key}`, { code, key, reason });
  return { file, display, entries };
}
