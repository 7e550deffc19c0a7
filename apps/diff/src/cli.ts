#!/usr/bin/env node
/** encrochat-ledger-diff OLD NEW: what changed between two versions of the dataset, and the bump it needs. */
import { endQuietlyWhenStdoutCloses, UsageError } from '@encrochat-ledger/core';
import { parseArgs, USAGE } from './args.js';
import { bumpRank } from './bump.js';
import { diff } from './diff.js';
import { DiffUsageError } from './errors.js';
import { formatJson, formatMarkdown, formatText } from './format.js';

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const d = diff(args.old, args.new);
  process.stdout.write(
    args.format === 'json'
      ? formatJson(d)
      : args.format === 'markdown'
        ? formatMarkdown(d)
        : formatText(d),
  );
  if (args.checkBump && bumpRank(args.checkBump) < bumpRank(d.bump)) {
    process.stderr.write(
      `encrochat-ledger-diff: the change needs a ${d.bump} release; ${args.checkBump} is not enough\n`,
    );
    return 1;
  }
  return 0;
}

// `… | head` closes stdout early: the run ends quietly with its own exit code.
endQuietlyWhenStdoutCloses('encrochat-ledger-diff');
try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `encrochat-ledger-diff: ${error instanceof DiffUsageError || error instanceof UsageError ? message : `failed: ${message.split('\n')[0]}`}\n`,
  );
  process.exitCode = 2;
}
