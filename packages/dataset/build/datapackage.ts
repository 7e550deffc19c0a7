import fs from 'node:fs';
import { collections, SCHEMA_BASE } from '@encrochat-ledger/core';
import type { WrittenFile } from './file-sink.js';
import { readCitationCff } from './citation-cff.js';
import { citationPaths } from './generate-citation.js';
import { claimsTableSchema } from '../src/claims-table.js';
import type { DatasetBundle } from '../src/generated/schema-types.js';

export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
};

/**
 * The Frictionless Data Package (v2) descriptor of the built files: the bundle, one JSON file per
 * collection (with its JSON Schema) and the tabular claims and latest tables (with their Table Schemas), each with
 * `bytes` and `hash`. No wall-clock timestamp: the same data gives the same bytes.
 */
export function buildDatapackage(
  bundle: DatasetBundle,
  files: ReadonlyMap<string, WrittenFile>,
): Record<string, unknown> {
  const describe = (path: string) => {
    const file = files.get(path);
    if (!file) throw new Error(`datapackage: ${path} was not written`);
    return { bytes: file.bytes, hash: `sha256:${file.sha256}` };
  };
  const schemaPath = (file: string) => `schemas/${bundle.schema_version}/${file}`;
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'encrochat-ledger',
    title: 'EncroChat ledger: what the EncroChat takedown produced',
    description:
      'Every public figure of the EncroChat takedown (arrests, charges, convictions, years of imprisonment, cash, drugs, firearms, handsets, threats to life…) with its source, the date it refers to, its scope and a verbatim quote. Disagreeing sources are all kept.',
    version: bundle.version,
    homepage: 'https://github.com/encrochat-ledger/encrochat-ledger',
    keywords: ['encrochat', 'operation-venetic', 'organised-crime', 'policing', 'open-data'],
    licenses: [DATA_LICENSE],
    // The authors of CITATION.cff, so that the package and its citation name the same people.
    contributors: readCitationCff(fs.readFileSync(citationPaths().cff, 'utf8')).fields.authors.map(
      (a) => ({ title: a.name, roles: ['creator'] }),
    ),
    sources: [
      {
        title:
          'Press releases, news articles, court rulings and official statistics, each named in the sources collection',
      },
    ],
    resources: [
      {
        name: 'dataset',
        path: 'data.json',
        title: 'The whole dataset bundle',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        jsonSchema: schemaPath('bundle.schema.json'),
        ...describe('data.json'),
      },
      ...collections.map(({ name, schema }) => ({
        name,
        path: `collections/${name}.json`,
        title: `The ${name} collection`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        jsonSchema: { type: 'array', items: { $ref: `${SCHEMA_BASE}${schema}` } },
        ...describe(`collections/${name}.json`),
      })),
      {
        name: 'claims-table',
        type: 'table',
        path: 'claims-table.json',
        title: 'The tidy claims table: one row per claim with joined labels',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: 'claims-table.schema.json',
        ...describe('claims-table.json'),
      },
      {
        name: 'latest',
        type: 'table',
        path: 'latest.json',
        title:
          'The latest table: one row per series, the figure to quote first and the latest official figure',
        description:
          "For every series (metric, breakdown, unit and scope): the headline (the latest official figure, unless a later figure of another source says something new: it disagrees, or narrows it with a stated date), the latest official figure, the latest figure of any source, the claims that disagree at the headline's date and, for totals, newer breakdowns.",
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: 'latest.schema.json',
        ...describe('latest.json'),
      },
    ],
  };
}

export { claimsTableSchema };
