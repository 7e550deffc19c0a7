#!/usr/bin/env node
// The encrochat-ledger-check command. A committed launcher, so that npm links the command even before
// the first build (npx would otherwise look the name up in the public registry): it runs the built
// CLI, dist/cli.js, or says in one line how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'encrochat-ledger-check: not built yet; run `npm run build` at the root of the repository first.\n',
  );
  process.exit(2);
}
process.argv[1] = fileURLToPath(cli); // the CLI runs when it is the program (as `node dist/cli.js`)
await import(cli.href);
