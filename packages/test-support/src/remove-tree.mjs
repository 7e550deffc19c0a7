/**
 * Removes a file or folder and everything in it, including what a test made unreadable or
 * unwritable on purpose (a folder at mode 000, to see a tool refuse it): `rm -r` alone stops there
 * for any user but root. Links are removed, never followed.
 */
import fs from 'node:fs';
import path from 'node:path';

const RM = { recursive: true, force: true, maxRetries: 3 };

export function removeTree(target) {
  try {
    fs.rmSync(target, RM);
  } catch (error) {
    if (error?.code !== 'EACCES' && error?.code !== 'EPERM') throw error;
    openFolders(target);
    fs.rmSync(target, RM);
  }
}

/** Gives the owner every right on each folder of the tree (what removing its entries needs). */
function openFolders(dir) {
  let stat;
  try {
    stat = fs.lstatSync(dir);
  } catch {
    return;
  }
  if (!stat.isDirectory()) return;
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir)) openFolders(path.join(dir, entry));
}
