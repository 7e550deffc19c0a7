// The least a validator can do and still check the published schemas with Ajv, as the issue asks:
// read every .json file under a folder, JSON.parse it, and run its collection's schema on it with
// the validator's own precompiled Ajv validators (stopping at the first error) — no other check,
// no positions, no report. Not a peer a user would pick: the floor under the validator's target.
import fs from 'node:fs';
import path from 'node:path';
import { collections } from '../../validator/dist/collections.js';
import { precompiledValidator } from '../../validator/dist/schemas.js';

const byFolder = new Map(collections.map((c) => [c.name, precompiledValidator(c.schema)]));
let files = 0;
const walk = (dir, check) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, byFolder.get(e.name) ?? check);
    else if (e.name.endsWith('.json')) {
      const value = JSON.parse(fs.readFileSync(full, 'utf8'));
      if (check) check(value);
      files++;
    }
  }
};
walk(process.argv[2], null);
if (!files) process.exit(1);
