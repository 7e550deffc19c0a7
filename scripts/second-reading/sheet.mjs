// Makes blind reading sheets for the second reading of claims (see review/README.md).
//
//   node scripts/second-reading/sheet.mjs --name wave1 --split 3
//
// takes every claim that is not withdrawn, has no `review` and is in no batch yet, keeps each
// source's claims together, deals the sources into N batches and writes, per batch, in
// review/batches/<name>-<i>/:
//   sheet.json          what the second reader sees: each source (title, publisher, date, URL,
//                       language, archived text) and its quotes, numbered; no metric, value, date
//                       or note of the first reading; the claim's short name (`uk-drugs`) says which
//                       figure of the quote the item is
//   first-reading.json  the claims as they are now, by item number (not for the second reader)
// The second reader writes second-reading.json beside them; compare.mjs compares the readings.
// Reads the built dataset: run `npm run build` first.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { claims, sourcesById } from '@encrochat-ledger/dataset';
import { readingOfClaim } from './fields.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const batchesDir = path.join(root, 'review', 'batches');

const { values: args } = parseArgs({
  options: { name: { type: 'string' }, split: { type: 'string', default: '1' } },
});
const split = Number(args.split);
if (!args.name || !/^[a-z0-9-]+$/.test(args.name) || !Number.isInteger(split) || split < 1) {
  console.error(
    'usage: node scripts/second-reading/sheet.mjs --name <slug> [--split N]   (N ≥ 1 batches)',
  );
  process.exit(2);
}

function batchFolders() {
  return existsSync(batchesDir)
    ? readdirSync(batchesDir).filter((d) =>
        existsSync(path.join(batchesDir, d, 'first-reading.json')),
      )
    : [];
}

const inBatch = new Set(
  batchFolders().flatMap((d) =>
    JSON.parse(readFileSync(path.join(batchesDir, d, 'first-reading.json'), 'utf8')).items.map(
      (i) => i.claim_id,
    ),
  ),
);
const pending = claims.filter((c) => !c.withdrawn && !c.review && !inBatch.has(c.id));
const bySource = new Map();
for (const claim of pending)
  bySource.set(claim.source_id, [...(bySource.get(claim.source_id) ?? []), claim]);
const sourceIds = [...bySource.keys()].sort();
if (sourceIds.length === 0) {
  console.log('No claim is waiting for a second reading.');
  process.exit(0);
}

const batches = Array.from({ length: split }, () => []);
sourceIds.forEach((id, i) => batches[i % split].push(id));

for (const [index, ids] of batches.entries()) {
  if (ids.length === 0) continue;
  const name = split === 1 ? args.name : `${args.name}-${index + 1}`;
  const dir = path.join(batchesDir, name);
  if (existsSync(dir)) {
    console.error(`review/batches/${name} exists already: choose another --name.`);
    process.exit(2);
  }
  let item = 0;
  const sheet = [];
  const first = [];
  for (const sourceId of ids) {
    const source = sourcesById.get(sourceId);
    const quotes = bySource.get(sourceId).map((claim) => {
      item += 1;
      first.push({ item, claim_id: claim.id, ...readingOfClaim(claim) });
      // A quote may state several figures: the claim's short name says which one the item is.
      return { item, quote: claim.quote, figure: claim.id.slice(sourceId.length + 1) };
    });
    sheet.push({
      source_id: source.id,
      kind: source.kind,
      title: source.title,
      publisher: source.publisher ?? null,
      published: source.published ?? null,
      url: source.url ?? null,
      language: source.language,
      archived_text: source.archive ? `shared/sources/seeds/${source.archive.file}` : null,
      quotes,
    });
  }
  mkdirSync(dir, { recursive: true });
  const header = { batch: name, made: new Date().toISOString().slice(0, 10), claims: item };
  writeFileSync(
    path.join(dir, 'sheet.json'),
    JSON.stringify({ ...header, sources: sheet }, null, 2) + '\n',
  );
  writeFileSync(
    path.join(dir, 'first-reading.json'),
    JSON.stringify({ ...header, items: first }, null, 2) + '\n',
  );
  console.log(`review/batches/${name}: ${item} claims of ${ids.length} sources`);
}
