#!/usr/bin/env node
/**
 * encrochat-ledger-export: the command line. Parses the arguments, runs the export, prints one
 * summary line. Any problem is one line on stderr (no stack trace): exit 2 for bad arguments or a
 * folder that cannot be written, 1 for a failed export. SIGINT, SIGTERM and SIGHUP remove the
 * temporary folder before exiting, leaving the previous export as it was.
 */
import path from 'node:path';
import { endQuietlyWhenStdoutCloses } from '@encrochat-ledger/core';
import { parseArgs, USAGE } from './args.js';
import { describeError, ExportError, UsageError } from './errors.js';
import { abortRunningExports, exportDataset } from './export.js';

const NAME = 'encrochat-ledger-export';
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

function fail(error: unknown): never {
  const code = error instanceof UsageError || error instanceof ExportError ? error.exitCode : 1;
  process.stderr.write(`${NAME}: ${describeError(error)}\n`);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseArgs(argv);
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      // Never a stack trace from here: a folder that cannot be removed is named, and the exit code stays the signal's.
      let left = '';
      try {
        abortRunningExports();
      } catch (error) {
        left = ` (${describeError(error)}: delete its temporary folder by hand)`;
      }
      process.stderr.write(`${NAME}: interrupted by ${signal}; nothing was changed${left}\n`);
      process.exit(128 + number);
    });
  }
  const result = await exportDataset(parsed.options);
  const rows = result.tables.map((t) => `${t.name} ${t.rows}`).join(', ');
  const where = path.relative(process.cwd(), result.outDir) || '.';
  process.stdout.write(
    `${NAME}: encrochat-ledger ${result.version} -> ${where} (${result.formats.join(', ')}; ${result.files.length} files): ${rows}\n`,
  );
}

// `… | head` closes stdout early: the run ends quietly with its own exit code.
endQuietlyWhenStdoutCloses(NAME);
main(process.argv.slice(2)).catch(fail);
