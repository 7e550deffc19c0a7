// The peer of the validator: read every .json file under a folder and JSON.parse it, nothing else.
//
//   node json-parse.mjs DIR              # the peer
//   node json-parse.mjs --schemas DIR    # the floor under the validator's target: also run each
//                                        # record's published schema with the precompiled Ajv
//                                        # validators the validator runs (@encrochat-ledger/core's),
//                                        # stopping at the first error; no other check, no
//                                        # positions, no report
import fs from 'node:fs';
import path from 'node:path';

const schemas = process.argv[2] === '--schemas';
const dir = process.argv[schemas ? 3 : 2];
/** The schema check of each collection folder, with --schemas (loaded only then: the peer loads nothing). */
const byFolder = new Map();
if (schemas) {
  const { collections, precompiledValidator } = await import('@encrochat-ledger/core');
  for (const c of collections) byFolder.set(c.name, precompiledValidator(c.schema));
}

let files = 0;
let checked = 0;
const walk = (folder, check) => {
  for (const e of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, e.name);
    if (e.isDirectory()) walk(full, byFolder.get(e.name) ?? check);
    else if (e.name.endsWith('.json')) {
      const value = JSON.parse(fs.readFileSync(full, 'utf8'));
      if (check) {
        check(value);
        checked++;
      }
      files++;
    }
  }
};
walk(dir, null);
// Nothing read, or --schemas with no record in a collection folder: a measurement of nothing.
if (!files || (schemas && !checked)) process.exit(1);
