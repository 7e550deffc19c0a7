/**
 * Preloaded into the CLI by the kill tests (`node --import ./test/slow-writes.mjs dist/cli.js …`,
 * see atomic.test.ts): every file opened through `fs.promises.open` (each table's CSV, and the
 * files DuckDB reads to write the Parquet ones) closes DELAY_MS late. An export then takes seconds,
 * so a test can kill it reliably while it is writing. The delay is a timer, not a busy wait: the
 * process stays responsive to signals, as in a real slow export. Test code only: nothing in src/
 * knows of it.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

export const DELAY_MS = 400;

const open = fs.promises.open;

fs.promises.open = async function openSlowly(...args) {
  const handle = await open.apply(this, args);
  const close = handle.close;
  handle.close = async function closeLate() {
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
    return close.call(this);
  };
  return handle;
};
// So that named imports (`import { open } from 'node:fs/promises'`) see the slow one too.
syncBuiltinESMExports();
