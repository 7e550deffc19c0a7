/**
 * Released schemas never change: every file under schemas/<major>.<minor>/ at the last release tag
 * must be byte-identical in the work tree (a change goes into a new version folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { git } from './git.js';

export interface SchemaMutation {
  file: string;
  problem: 'changed' | 'removed';
}

export function releasedSchemaMutations(root: string, tag: string): SchemaMutation[] {
  const files = git(['ls-tree', '-r', '--name-only', tag, '--', 'schemas'], root)
    .split('\n')
    .filter((f) => /^schemas\/\d+\.\d+\/[^/]+$/.test(f));
  const out: SchemaMutation[] = [];
  for (const file of files) {
    const released = git(['show', `${tag}:${file}`], root);
    const abs = path.join(root, file);
    if (!fs.existsSync(abs)) out.push({ file, problem: 'removed' });
    else if (fs.readFileSync(abs, 'utf8') !== released) out.push({ file, problem: 'changed' });
  }
  return out;
}
