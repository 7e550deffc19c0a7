// Builds the checker: compiles src/ with tsc into dist/ and makes the CLI executable.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
try {
  execFileSync(
    process.execPath,
    [
      path.join(here, '../../node_modules/typescript/bin/tsc'),
      '-p',
      path.join(here, 'tsconfig.build.json'),
    ],
    { stdio: 'inherit' },
  );
} catch {
  // tsc has printed the errors above; a stack trace of this script would only hide them.
  process.exit(1);
}
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
