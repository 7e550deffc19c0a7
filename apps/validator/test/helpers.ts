import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '@encrochat-ledger/test-support';
import { validate, type ValidateOptions } from '../src/validate.js';

export const fixtures = path.join(import.meta.dirname, 'fixtures');

/** A minimal valid vocabulary that test records can reference. */
export const base: Record<string, unknown> = {
  'metrics/arrests.json': {
    id: 'arrests',
    label: 'Arrests',
    definition: 'People arrested.',
    units: ['count'],
    cumulative: true,
    breakdown_keys: ['category'],
  },
  'metrics/convictions.json': {
    id: 'convictions',
    label: 'Convictions',
    definition: 'People convicted.',
    units: ['count'],
    cumulative: true,
  },
  'metrics/charges.json': {
    id: 'charges',
    label: 'Charges',
    definition: 'People charged.',
    units: ['count'],
    cumulative: true,
  },
  'metrics/drugs_seized.json': {
    id: 'drugs_seized',
    label: 'Drugs seized',
    definition: 'Drugs seized.',
    units: ['kg', 'tablets'],
    cumulative: true,
    breakdown_keys: ['drug'],
  },
  'places/world.json': { id: 'world', name: 'World', kind: 'world' },
  'places/united-kingdom.json': {
    id: 'united-kingdom',
    name: 'United Kingdom',
    kind: 'country',
    parent: 'world',
    codes: { iso3166_1: 'GB' },
  },
  'networks/encrochat.json': {
    id: 'encrochat',
    name: 'EncroChat',
    kind: 'encrypted-phone-network',
  },
  'organisations/nca.json': {
    id: 'nca',
    name: 'National Crime Agency',
    kind: 'national-agency',
    country: 'united-kingdom',
  },
};

export function claim(
  source: string,
  slug: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `${source}/${slug}`,
    metric: 'arrests',
    value: 746,
    unit: 'count',
    qualifier: 'exact',
    scope: { place: 'united-kingdom', networks: ['encrochat'] },
    as_of: '2020-07-02',
    as_of_basis: 'publication',
    quote: 'Police made 746 arrests.',
    ...extra,
  };
}

export function source(
  id: string,
  claims: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    kind: 'news-article',
    title: `Title of ${id}`,
    publisher: 'A paper',
    published: '2020-07-02',
    url: null,
    language: 'en',
    reliability: 'press',
    claims,
    ...extra,
  };
}

/** Writes a data folder (base vocabulary + the given files; a string is written as is) and validates it. */
export function run(
  files: Record<string, unknown>,
  options: Omit<ValidateOptions, 'paths' | 'cwd'> & { only?: string[]; noBase?: boolean } = {},
) {
  const root = tempDir('validator');
  const data = path.join(root, 'data');
  for (const [file, content] of Object.entries({ ...(options.noBase ? {} : base), ...files })) {
    const full = path.join(data, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(
      full,
      typeof content === 'string' || Buffer.isBuffer(content)
        ? content
        : `${JSON.stringify(content, null, 2)}\n`,
    );
  }
  const report = validate({
    cwd: root,
    paths: options.only ?? ['data'],
    archiveDir: options.archiveDir ?? null,
    today: options.today ?? '2026-01-01',
  });
  return { report, root, codes: report.findings.map((f) => f.code) };
}
