#!/usr/bin/env node
/** CI: fails (exit 1) when the pending changesets declare a smaller dataset bump than the data and schema changes need. */
import { checkChangesets } from './changesets.js';

try {
  const result = checkChangesets(process.cwd());
  (result.ok ? process.stdout : process.stderr).write(`${result.message}\n`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`check-changesets: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = 2;
}
