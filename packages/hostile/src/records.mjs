/**
 * The smallest valid data folder: a vocabulary (metrics, places, a network, an organisation) and one
 * source with one claim, which every tool accepts. Each hostile case starts from it and breaks one
 * thing, so that what a tool refuses is that thing. Copied from the validator's test helpers
 * (apps/validator/test/helpers.ts), not imported: packages depend on each other by name only.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The vocabulary every claim below refers to, by file under the data folder. */
export const vocabulary = {
  'metrics/arrests.json': {
    id: 'arrests',
    label: 'Arrests',
    definition: 'People arrested.',
    units: ['count'],
    cumulative: true,
    breakdown_keys: ['category'],
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

/** A valid claim of `sourceId` (arrests in the United Kingdom, stated plainly in its quote). */
export function claim(sourceId, slug, extra = {}) {
  return {
    id: `${sourceId}/${slug}`,
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

/** A valid source record with the given claims. */
export function source(id, claims, extra = {}) {
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

/** The id of the source every case breaks (its file is `sources/hostile-source.json`). */
export const SOURCE_ID = 'hostile-source';

/** The valid data folder's files: the vocabulary and one source with one claim. */
export function validFiles() {
  return {
    ...vocabulary,
    [`sources/${SOURCE_ID}.json`]: source(SOURCE_ID, [claim(SOURCE_ID, 'uk-arrests')]),
  };
}

/** Pretty JSON as the data files are written (two spaces, a final newline). */
export const jsonText = (value) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes a data folder at `data`: each file's content is written as it is when it is a string or a
 * Buffer, else as JSON. Returns `data`.
 */
export function writeDataFolder(data, files) {
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(data, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(
      full,
      typeof content === 'string' || Buffer.isBuffer(content) ? content : jsonText(content),
    );
  }
  return data;
}
