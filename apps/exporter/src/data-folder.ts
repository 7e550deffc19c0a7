/**
 * --data DIR: a data folder (data/ layout) exported without building the dataset first. It is read
 * with @encrochat-ledger/core's reader and checked with core's `recordIssues`, the reader and checks
 * of the dataset build, so the exporter refuses exactly the folders the build refuses (and the
 * validator reports): a file that is not UTF-8 or not JSON, a key twice, a NUL, a link or a FIFO
 * inside the folder, a record that fails its schema, a supersession cycle. What it accepts is put
 * together as the build puts its bundle together (core's `assembleBundle`), in memory, as the build
 * holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assembleBundle } from '@encrochat-ledger/core';
import type { DatasetBundle, Source } from '@encrochat-ledger/dataset';
import { readCheckedData } from './checked-data.js';
import { bundleDataset, type LoadedDataset } from './dataset-source.js';
import { UsageError } from './errors.js';
import { inputPathKind } from './input-path.js';

/** The version a data folder's export carries: its repository's dataset package's, else an unreleased one. */
function versionOf(dir: string): string {
  const manifest = path.join(path.dirname(dir), 'packages', 'dataset', 'package.json');
  try {
    if (fs.lstatSync(manifest).isFile()) {
      const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown };
      if (typeof version === 'string') return version;
    }
  } catch {
    // No repository around the folder: an unreleased version.
  }
  return '0.0.0-unreleased';
}

/** Reads and checks the data folder `dir`; a UsageError names the first problem and counts the rest. */
export function datasetFromFolder(dir: string): LoadedDataset {
  const flag = `--data ${dir}`;
  if (fs.existsSync(dir) && inputPathKind(dir, '--data') === 'file')
    throw new UsageError(`${flag} is a file; give a data folder (or a bundle with --dataset)`);
  const reading = readCheckedData('--data', dir);
  if (!reading.records.length)
    throw new UsageError(
      `${flag}: no record found; give the data folder (one folder per collection: sources/, places/, …)`,
    );
  const { sources, ...head } = assembleBundle(
    reading.records,
    versionOf(dir),
  ) as unknown as DatasetBundle;
  return bundleDataset(head, () => sources as Source[], flag, dir);
}
