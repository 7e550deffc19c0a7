/** measure() on a real process: it reads the peak memory its preload reports, and removes the folder it was reported in. */
import fs from 'node:fs';
import os from 'node:os';
import { expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { measure } from '../src/measure.js';

it('measures a Node process and leaves nothing in the temporary folder, also when the command fails', () => {
  // A temporary folder of this test's own (os.tmpdir() reads TMPDIR), which other files do not use.
  const scratch = tempDir('measure');
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  try {
    const ok = measure(process.execPath, ['-e', 'Buffer.alloc(32 << 20, 1)'], { cwd: os.tmpdir() });
    expect(ok.peakMiB).toBeGreaterThan(32);
    expect(() =>
      measure(process.execPath, ['-e', 'process.exit(3)'], { cwd: os.tmpdir() }),
    ).toThrow(/exited 3/);
    expect(fs.readdirSync(scratch)).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
});
