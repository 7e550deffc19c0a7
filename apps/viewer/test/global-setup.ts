/**
 * Builds, once for all test files, the sites the browser tests load: the real dataset (with a small
 * folder standing in for the exporter's output) and the hostile fixture.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeHostileFixture } from './fixtures/hostile.js';
import { buildSite, sites, tmpRoot } from './support.js';
import { datasetPackageDir } from '../build/config.js';

export const EXPORT_FILES: Record<string, string> = {
  'claims.csv': 'claim_id,source_id\r\nexample-source/example-claim,example-source\r\n',
  'README.md': '# Exports (test fixture)\n',
};

export default async function setup(): Promise<void> {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
  fs.mkdirSync(sites.exportsFixture, { recursive: true });
  const sums: string[] = [];
  for (const [name, text] of Object.entries(EXPORT_FILES)) {
    fs.writeFileSync(path.join(sites.exportsFixture, name), text);
    sums.push(`${crypto.createHash('sha256').update(text).digest('hex')}  ${name}`);
  }
  fs.writeFileSync(path.join(sites.exportsFixture, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  // Not copied: hidden files and folders.
  fs.writeFileSync(path.join(sites.exportsFixture, '.partial'), 'x');
  fs.mkdirSync(path.join(sites.exportsFixture, 'nested'));

  const packageDir = datasetPackageDir();
  await buildSite({
    outDir: sites.default,
    dataset: path.join(packageDir, 'dist', 'data.json'),
    exportsDir: sites.exportsFixture,
    changelog: null,
  });
  const fixture = writeHostileFixture(sites.hostileBundle);
  fs.writeFileSync(path.join(tmpRoot, 'hostile-fixture.json'), JSON.stringify(fixture));
  await buildSite({
    outDir: sites.hostile,
    dataset: fixture.bundle,
    exportsDir: null,
    changelog: null,
  });
}
