// Builds the core package: compiles src/ with tsc into dist/, copies the precompiled schema validators
// (src/generated/, plain JavaScript: see scripts/generate-validators.ts), and ships a byte copy of the
// published JSON Schemas in dist/schemas/ for installs outside the repository (a test checks that it
// equals schemas/ at the repository root).
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
fs.cpSync(path.join(here, 'src/generated'), path.join(dist, 'generated'), { recursive: true });
fs.cpSync(path.join(here, '../../schemas'), path.join(dist, 'schemas'), { recursive: true });
