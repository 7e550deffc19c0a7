// The peer of the validator: read every .json file under a folder and JSON.parse it, nothing else.
import fs from 'node:fs';
import path from 'node:path';

let files = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.json')) {
      JSON.parse(fs.readFileSync(full, 'utf8'));
      files++;
    }
  }
};
walk(process.argv[2]);
if (!files) process.exit(1);
