/** Command-line arguments of encrochat-ledger-diff, checked with zod. */
import { z } from 'zod';
import { BUMPS, type Bump } from './bump.js';
import { DiffUsageError } from './errors.js';

export const USAGE = `usage: encrochat-ledger-diff OLD NEW [--format text|json|markdown] [--check-bump none|patch|minor|major]

OLD and NEW: a bundle (data.json), a data folder, a folder holding data/ and schemas/, a git ref
(a tag such as @encrochat-ledger/dataset@0.1.0, a branch, a commit; "git:REF" forces a ref), or a
published release: NAME@VERSION that names no git ref is fetched from the npm registry npm is set
up with ("npm:NAME@VERSION" forces it).
Exit codes: 0 done (changes or not); 1 --check-bump LEVEL is smaller than the change requires; 2 usage error.`;

const Args = z.strictObject({
  old: z.string().min(1),
  new: z.string().min(1),
  format: z.enum(['text', 'json', 'markdown']).default('text'),
  checkBump: z.enum(BUMPS).optional(),
  help: z.boolean().default(false),
});

export type DiffArgs = z.infer<typeof Args> & { checkBump?: Bump };

export function parseArgs(argv: string[]): DiffArgs {
  const positional: string[] = [];
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      raw.help = true;
      continue;
    }
    const m = /^--(format|check-bump)(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new DiffUsageError(`--${m[1]} needs a value`);
      raw[m[1] === 'format' ? 'format' : 'checkBump'] = value;
      continue;
    }
    if (arg.startsWith('--')) throw new DiffUsageError(`unknown option ${arg}; see --help`);
    positional.push(arg);
  }
  if (raw.help) return { old: '', new: '', format: 'text', help: true };
  if (positional.length !== 2)
    throw new DiffUsageError(
      `expected OLD and NEW, got ${positional.length} argument${positional.length === 1 ? '' : 's'}; see --help`,
    );
  const parsed = Args.safeParse({ ...raw, old: positional[0], new: positional[1] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path[0] === 'checkBump' ? '--check-bump' : `--${String(issue.path[0])}`;
    const allowed = issue.path[0] === 'checkBump' ? BUMPS.join(', ') : 'text, json, markdown';
    throw new DiffUsageError(
      `${flag}: unknown value "${String(raw[issue.path[0] as string])}"; use ${allowed}`,
    );
  }
  return parsed.data;
}
