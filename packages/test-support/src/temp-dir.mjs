/**
 * Temporary folders for tests, each removed when the test that made it ends, passed or failed; a
 * folder made outside a test (at the top of a file, in a `describe` or a hook) or in a concurrent
 * test is removed after the file's tests. `tempDir('core-text')` is a new, empty folder
 * `<os.tmpdir()>/ecl-core-text-XXXXXX`.
 *
 * Call it from test files: importing it registers an `afterAll` hook in the file being collected
 * (imported elsewhere, by a globalSetup through a helper, it registers nothing and refuses to run).
 * Vitest collects every test file with modules of its own (`isolate`, on in every config here), so
 * each file gets that hook, and it runs after the file's other `afterAll` hooks (registered later;
 * hooks run as a stack): after the browsers and servers that used the folders are closed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished, TestRunner } from 'vitest';
import { removeTree } from './remove-tree.mjs';

/** The folders this test file made and that are still there. */
const made = new Set();

/**
 * Whether the hook below is registered: not when this module is imported outside a test file (a
 * globalSetup importing a test helper that imports this), where vitest has no suite to give it.
 */
const inTestFile = (() => {
  try {
    afterAll(() => {
      for (const dir of made) remove(dir);
    });
    return true;
  } catch {
    return false;
  }
})();

/** `parent`: where to make it instead of the temporary folder (a shorter path, for a Unix socket). */
export function tempDir(label, parent = os.tmpdir()) {
  if (!inTestFile)
    throw new Error(
      'tempDir() makes folders for tests: call it from a test file (nothing would remove its folder here)',
    );
  const dir = fs.mkdtempSync(path.join(parent, `ecl-${label}-`));
  made.add(dir);
  // Outside a test, the file's afterAll above removes it. So it does for concurrent tests: vitest's
  // current test is then whichever started last, and a folder hooked to another test would be
  // removed while its own test still uses it (seen in the dataset's hostile tests).
  const test = TestRunner.getCurrentTest();
  if (test && !test.concurrent) onTestFinished(() => remove(dir));
  return dir;
}

function remove(dir) {
  removeTree(dir);
  made.delete(dir);
}

export { removeTree };
