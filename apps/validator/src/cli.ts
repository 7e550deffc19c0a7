#!/usr/bin/env node
/** encrochat-ledger-validate: validate data files, folders or a bundle. Exit 0 clean, 1 findings, 2 usage error. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { endQuietlyWhenStdoutCloses, UsageError } from '@encrochat-ledger/core';
import { z } from 'zod';
import { format, FORMATS } from './format.js';
import { allRules } from './rules/index.js';
import { formatTimings } from './timings.js';
import { validate } from './validate.js';

const HELP = `Usage: encrochat-ledger-validate [options] [paths…]

Validates encrochat-ledger records: data/ by default, or the files and folders given, or a built
bundle (data.json). Every finding has a rule code, a severity, the file, a JSON Pointer, the line
and column, what was expected and a hint.

Options:
  --format <f>          text (default; colour on a terminal), json, sarif, github
  --archive <dir>       folder of archived source texts for the quote checks
                        (default: ENCROCHAT_ARCHIVE_DIR, else ../shared/sources/seeds beside the repository)
  --fail-on-warnings    exit 1 on warnings too
  --info                list info findings in text output (disagreements between sources)
  --today <YYYY-MM-DD>  the date "in the future" is measured against (default: today)
  --timings             also print, on stderr, how long reading, each rule and locating took
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors, 1 findings (errors, or warnings with --fail-on-warnings) or no record
found at all, 2 usage error.

Examples:
  encrochat-ledger-validate                          # all of data/
  encrochat-ledger-validate data/sources/nca-2022-06-09-venetic-operational-statistics-update.json
  encrochat-ledger-validate --format sarif > validator.sarif
  encrochat-ledger-validate --format github --fail-on-warnings
  encrochat-ledger-validate node_modules/@encrochat-ledger/dataset/dist/data.json
  encrochat-ledger-validate --timings > /dev/null    # which rules take the time
`;

const Options = z.object({
  format: z
    .enum(FORMATS, { message: `--format must be one of ${FORMATS.join(', ')}` })
    .default('text'),
  archive: z.string().min(1).optional(),
  'fail-on-warnings': z.boolean().default(false),
  info: z.boolean().default(false),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '--today must be a date like 2024-05-31')
    .optional(),
  timings: z.boolean().default(false),
  help: z.boolean().default(false),
  version: z.boolean().default(false),
});

function version(): string {
  return (
    JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
}

export function main(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  isTTY: boolean,
): number {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        archive: { type: 'string' },
        'fail-on-warnings': { type: 'boolean' },
        info: { type: 'boolean' },
        today: { type: 'string' },
        timings: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    err(`encrochat-ledger-validate: ${(error as Error).message.split('\n')[0]} (see --help)\n`);
    return 2;
  }
  const parsed = Options.safeParse(values);
  if (!parsed.success) {
    err(`encrochat-ledger-validate: ${parsed.error.issues[0]!.message} (see --help)\n`);
    return 2;
  }
  const opts = parsed.data;
  if (opts.help) {
    out(HELP);
    return 0;
  }
  if (opts.version) {
    out(`${version()}\n`);
    return 0;
  }
  if (opts.archive && !fs.existsSync(opts.archive)) {
    err(`encrochat-ledger-validate: --archive ${opts.archive}: no such folder\n`);
    return 2;
  }
  try {
    const report = validate({
      paths: positionals,
      timings: opts.timings,
      ...(opts.archive ? { archiveDir: opts.archive } : {}),
      ...(opts.today ? { today: opts.today } : {}),
    });
    out(
      format(report, opts.format, {
        colour: isTTY && opts.format === 'text' && !process.env.NO_COLOR,
        showInfo: opts.info,
        version: version(),
      }),
    );
    if (report.timings)
      err(formatTimings(report.timings, new Map(allRules.map((r) => [r.code, r.title]))));
    // A run that read no record has checked nothing: surely a mistyped path, not a clean dataset.
    if (report.records === 0) {
      err(
        `encrochat-ledger-validate: no record found in ${(positionals.length ? positionals : ['data']).join(', ')}: give the data folder (one folder per collection: sources/, places/, …), record files or a bundle\n`,
      );
      return 1;
    }
    return report.counts.error > 0 || (opts['fail-on-warnings'] && report.counts.warning > 0)
      ? 1
      : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`encrochat-ledger-validate: ${error.message} (see --help)\n`);
      return 2;
    }
    err(`encrochat-ledger-validate: internal error: ${(error as Error).message}\n`);
    return 2;
  }
}

if (import.meta.url === `file://${fs.realpathSync(process.argv[1] ?? '')}`) {
  // `… | head` closes stdout early: the run ends quietly with its own exit code.
  endQuietlyWhenStdoutCloses('encrochat-ledger-validate');
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    process.stdout.isTTY === true,
  );
}
