/**
 * A published release as one side of a diff: `@encrochat-ledger/dataset@0.2.0` (or `npm:…`) is
 * fetched with `npm pack` from the registry npm is configured with (`.npmrc`, `--registry` through
 * `npm_config_registry`), unpacked into a temporary folder, and its bundle (`dist/data.json`, with
 * the schemas beside it) read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiffUsageError } from './errors.js';

/** A package spec with an exact name and a version or tag: `@scope/name@1.2.3`, `name@latest`. */
const PACKAGE_SPEC = /^(?:npm:)?((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)@([\w.+-]+)$/i;

export function isPackageSpec(spec: string): boolean {
  return PACKAGE_SPEC.test(spec);
}

/** Unpacks the package `spec` into a new temporary folder and returns the path of its bundle; `cleanUp` removes the folder. */
export function fetchPackageBundle(spec: string): { bundle: string; cleanUp: () => void } {
  const match = PACKAGE_SPEC.exec(spec);
  if (!match) throw new DiffUsageError(`not a package spec: ${spec} (expected NAME@VERSION)`);
  const [, name, version] = match;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-diff-npm-'));
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const packed = spawnSync(
      'npm',
      ['pack', `${name}@${version}`, '--json', '--pack-destination', dir],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
    if (packed.status !== 0) {
      const reason =
        (packed.stderr || packed.stdout || '')
          .split('\n')
          .find((line) => /\b(E404|ETARGET|ENOTFOUND|ECONNREFUSED|error)\b/.test(line)) ??
        `npm pack exited with ${packed.status}`;
      throw new DiffUsageError(
        `${spec}: not a file, folder or git ref here, and npm could not fetch it (${reason.replace(/^npm (error|ERR!) /, '').trim()})`,
      );
    }
    const filename = (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? '';
    const tar = spawnSync('tar', [
      '-x',
      '-z',
      '-f',
      path.join(dir, path.basename(filename)),
      '-C',
      dir,
    ]);
    if (tar.status !== 0) throw new DiffUsageError(`${spec}: could not unpack ${filename}`);
    const bundle = path.join(dir, 'package', 'dist', 'data.json');
    if (!fs.existsSync(bundle))
      throw new DiffUsageError(
        `${spec}: the package holds no dist/data.json (not an encrochat-ledger dataset release)`,
      );
    return { bundle, cleanUp };
  } catch (error) {
    cleanUp();
    throw error;
  }
}
