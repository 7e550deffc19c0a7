// Prints a short summary of the built dataset: records per collection, claims per metric,
// country and source kind, and the newest as_of. Run by `npm start` after the build.
import { claimsTable, dataset, placesById, version } from '@encrochat-ledger/dataset';

const collections = [
  'sources',
  'metrics',
  'places',
  'organisations',
  'operations',
  'networks',
  'persons',
  'events',
];
const fmt = new Intl.NumberFormat('en-GB');

function countBy(rows, key) {
  const counts = new Map();
  for (const row of rows) {
    const k = key(row);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

function table(title, entries) {
  console.log(`\n${title}`);
  const width = Math.max(...entries.map(([k]) => String(k).length), 8);
  for (const [k, n] of entries)
    console.log(`  ${String(k).padEnd(width)}  ${fmt.format(n).padStart(6)}`);
}

console.log(`encrochat-ledger dataset ${version} (schema ${dataset.schema_version})`);
table(
  'Records per collection',
  collections.map((c) => [c, dataset[c].length]).concat([['claims', claimsTable.length]]),
);
table(
  'Claims per metric',
  countBy(claimsTable, (r) => r.metric),
);
table(
  'Claims per country',
  countBy(claimsTable, (r) => r.country ?? `(${placesById.get(r.place)?.name ?? r.place})`),
);
table(
  'Claims per source kind',
  countBy(claimsTable, (r) => r.source_kind),
);
const dated = claimsTable.filter((r) => r.as_of_end);
if (dated.length) {
  const newest = dated.reduce((a, b) =>
    b.as_of_end > a.as_of_end || (b.as_of_end === a.as_of_end && b.claim_id < a.claim_id) ? b : a,
  );
  console.log(`\nNewest as_of: ${newest.as_of} (${newest.claim_id})`);
}
