/**
 * Finds a Chromium for the browser tests, without downloading one:
 *
 * 1. `CHROMIUM_PATH`, when set: that executable, or a clear error if it is missing;
 * 2. a system Chrome or Chromium in the usual places (Debian/Ubuntu, Fedora, snap, macOS);
 * 3. the Chromium that the npm package `@sparticuz/chromium` ships (Linux x64, a devDependency):
 *    unpacked on first use into the system's temporary folder (about 6 s, 67 MB), also from a test
 *    run (whose own temporary folder is removed at its end).
 *
 * `.ci/run` sets `CHROMIUM_PATH` to the packaged browser, so the path a machine with only Node and
 * npm takes is the one CI proves.
 */
import fs from 'node:fs';
import { systemTmpdir } from '@encrochat-ledger/test-support/temp-guard';

export const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export interface FoundBrowser {
  executablePath: string;
  /** How it was found, for error messages and the perf report. */
  origin: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  const named = env.CHROMIUM_PATH;
  if (named) {
    if (!fs.existsSync(named))
      throw new Error(
        `CHROMIUM_PATH=${named} does not exist: point it at a Chrome or Chromium executable, or unset it.`,
      );
    return { executablePath: named, origin: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_BROWSERS.find((candidate) => fs.existsSync(candidate));
  if (system) return { executablePath: system, origin: 'system' };
  return { executablePath: await packagedBrowser(), origin: '@sparticuz/chromium' };
}

/** The executable of `@sparticuz/chromium`, unpacked if needed. */
export async function packagedBrowser(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `No Chrome or Chromium found (looked for CHROMIUM_PATH, then ${SYSTEM_BROWSERS.join(', ')}); the packaged one is for Linux x64 only. Install Chrome or set CHROMIUM_PATH.`,
    );
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  // It unpacks into os.tmpdir() (chromium, fonts/, the swiftshader libraries) and reuses what it
  // finds there. In a test run that is the run's own folder, removed at its end: unpack into the
  // system's, where every run finds it.
  const cache = systemTmpdir();
  const runs = process.env.TMPDIR;
  process.env.TMPDIR = cache;
  try {
    return await packaged.executablePath();
  } finally {
    if (runs === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = runs;
  }
}
