#!/usr/bin/env node
/** encrochat-ledger-check: checks the figures of a sentence or a draft against the ledger. Exit 0 checked, 2 usage error. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import * as dataset from '@encrochat-ledger/dataset';
import { z } from 'zod';
import { checkText, CheckError } from './check.js';
import { formatText } from './format-text.js';

const FORMATS = ['text', 'json'] as const;

const HELP = `Usage: encrochat-ledger-check [options] "text"
       encrochat-ledger-check [options] -          (reads the text from stdin: a draft piped in)

Reads every figure of the text ("Police across Europe made more than 6,500 arrests") as the
validator reads quotes, says what it understood and what it did not, and answers from the ledger:
the claims the figure agrees with, the claims it contradicts, or no figure for this in the ledger,
each with its source, date and quote. English.

Options:
  --format <f>   text (default) or json (stable: "format": "encrochat-ledger-check/1", see the README)
  -h, --help     show this help
  -v, --version  show the version

Exit codes: 0 checked (whatever the answers), 2 usage error.

Examples:
  encrochat-ledger-check "Police across Europe made more than 6,500 arrests"
  encrochat-ledger-check "more than 10,000 arrests in the UK" --format json
  encrochat-ledger-check - < draft.txt
`;

const Options = z.object({
  format: z
    .enum(FORMATS, { message: `--format must be one of ${FORMATS.join(', ')}` })
    .default('text'),
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

const usage = (err: (s: string) => void, message: string) => {
  err(`encrochat-ledger-check: ${message} (see --help)\n`);
  return 2;
};

export function main(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  readStdin: () => Buffer,
): number {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    return usage(err, (error as Error).message.split('\n')[0]!);
  }
  const parsed = Options.safeParse(values);
  if (!parsed.success) return usage(err, parsed.error.issues[0]!.message);
  const opts = parsed.data;
  if (opts.help) {
    out(HELP);
    return 0;
  }
  if (opts.version) {
    out(`${version()}\n`);
    return 0;
  }
  if (!positionals.length) return usage(err, 'no text given: put it in quotes, or - to read stdin');
  let text: string;
  if (positionals.length === 1 && positionals[0] === '-') {
    let bytes: Buffer;
    try {
      bytes = readStdin();
    } catch (error) {
      return usage(err, `cannot read stdin (${(error as Error).message})`);
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return usage(err, 'stdin is not UTF-8 text');
    }
  } else if (positionals.includes('-'))
    return usage(err, '- (read stdin) must be the only text given');
  // Words given without quotes are one text.
  else text = positionals.join(' ');
  if (!text.trim()) return usage(err, 'the text is empty');
  try {
    const result = checkText(text, dataset);
    out(opts.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatText(result));
    return 0;
  } catch (error) {
    if (error instanceof CheckError) return usage(err, error.message);
    err(`encrochat-ledger-check: internal error: ${(error as Error).message}\n`);
    return 2;
  }
}

if (import.meta.url === `file://${fs.realpathSync(process.argv[1] ?? '')}`) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    () => fs.readFileSync(0),
  );
}
