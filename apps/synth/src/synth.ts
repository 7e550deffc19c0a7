/**
 * The synthetic dataset: the real vocabulary (metrics, places, organisations, operations, networks,
 * persons) and N synthetic claims in synthetic sources, in the real data/ layout, valid against the
 * schemas and the validator's rules, deterministic for a seed, and marked SYNTHETIC everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatProblems, readData, type JsonRecord } from '@encrochat-ledger/core';
import { figure, group } from './figures.js';
import { Random } from './random.js';

export interface SynthOptions {
  claims: number;
  outDir: string;
  seed?: number;
  /** The real data folder whose vocabulary is reused. */
  vocabularyDir: string;
}

const VOCABULARY = [
  'metrics',
  'networks',
  'places',
  'organisations',
  'operations',
  'persons',
] as const;
const KINDS = [
  'news-article',
  'news-article',
  'news-article',
  'press-release',
  'official-statistics',
  'official-statement',
  'court-judgment',
  'report',
];
const RELIABILITY = ['press', 'press', 'press', 'official', 'official-copy', 'legal', 'low'];
const NOUNS: Record<string, string> = {
  count: 'people',
  kg: 'of drugs',
  tablets: 'tablets',
  litres: 'litres of precursor',
  years: 'of imprisonment',
  percent: 'percent',
};
const FILLER =
  'The figures were given at a press conference, where officers described months of work with partners at home and abroad, and warned that more results would follow as the analysis of the intercepted messages went on';

type Rec = JsonRecord;

/** The vocabulary collections of a data folder, each in file order (read with the one reader of data; any problem stops). */
function readVocabulary(dir: string): Record<(typeof VOCABULARY)[number], Rec[]> {
  const vocab = Object.fromEntries(VOCABULARY.map((c) => [c, [] as Rec[]])) as Record<
    (typeof VOCABULARY)[number],
    Rec[]
  >;
  if (!fs.existsSync(dir)) return vocab;
  const { records, problems } = readData([dir]);
  if (problems.length)
    throw new Error(`the vocabulary in ${dir} has problems:\n${formatProblems(problems)}`);
  for (const { collection, record } of records)
    if (collection in vocab) vocab[collection as (typeof VOCABULARY)[number]].push(record);
  return vocab;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A publication date in one of the EDTF forms the real data uses. */
function publishedDate(rng: Random): { edtf: string; day: string } {
  const start = Date.UTC(2020, 6, 2);
  const end = Date.UTC(2025, 11, 31);
  const d = new Date(start + Math.floor(rng.next() * ((end - start) / 86_400_000)) * 86_400_000);
  const day = iso(d);
  const r = rng.next();
  if (r < 0.6) return { edtf: day, day };
  if (r < 0.75) return { edtf: day.slice(0, 7), day };
  if (r < 0.85) return { edtf: `${day.slice(0, 7)}~`, day };
  if (r < 0.9) return { edtf: day.slice(0, 4), day };
  return { edtf: `${day}T${pad(rng.int(6, 22), 2)}:${pad(rng.int(0, 59), 2)}:00`, day };
}

export interface SynthResult {
  claims: number;
  sources: number;
  files: number;
}

export function synthesise({
  claims: total,
  outDir,
  seed = 20200702,
  vocabularyDir,
}: SynthOptions): SynthResult {
  if (!Number.isInteger(total) || total < 1)
    throw new Error('claims must be a whole number of at least 1');
  const rng = new Random(seed);
  const vocab = readVocabulary(vocabularyDir);
  if (!vocab.metrics.length || !vocab.places.length)
    throw new Error(`no vocabulary in ${vocabularyDir} (expected metrics/ and places/)`);
  fs.rmSync(outDir, { recursive: true, force: true });
  let files = 0;
  const write = (collection: string, record: Rec) => {
    const dir = path.join(outDir, collection);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${record.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
    files++;
  };
  for (const c of VOCABULARY) for (const record of vocab[c]) write(c, record);

  // Claims point to current records only: a reference to a withdrawn one is an error (the validator's REF002).
  const current = (records: Rec[]) => records.filter((r) => !r.withdrawn);
  const metrics = current(vocab.metrics);
  const places = current(vocab.places).map((p) => p.id as string);
  const operations = current(vocab.operations).map((o) => o.id as string);
  const organisations = current(vocab.organisations)
    .filter((o) => o.kind !== 'company')
    .map((o) => o.id as string);
  const persons = current(vocab.persons);
  const networks = current(vocab.networks).map((n) => n.id as string);
  // Stories: the same metric, scope and date told by several sources, often with different figures (conflicts).
  const stories: Rec[] = [];
  const width = String(Math.ceil(total / 5)).length + 1;
  let made = 0;
  let sources = 0;
  while (made < total) {
    const id = `synthetic-${pad(sources + 1, width)}`;
    const published = publishedDate(rng);
    const claims: Rec[] = [];
    const count = Math.min(total - made, rng.int(1, 39));
    for (let i = 0; i < count; i++) {
      const reuse = stories.length > 0 && rng.chance(0.15) ? rng.pick(stories) : null;
      const metric = reuse ? metrics.find((m) => m.id === reuse.metric)! : rng.pick(metrics);
      const unit = reuse ? reuse.unit : rng.pick(metric.units as string[]);
      const magnitude =
        unit === 'count'
          ? rng.pick([5, 40, 300, 2500, 60000])
          : unit === 'kg'
            ? rng.pick([8, 80, 2000, 20000])
            : unit === 'years'
              ? rng.pick([10, 100, 2000])
              : rng.pick([200_000, 3_000_000, 50_000_000]);
      const f = figure(rng, unit, magnitude);
      const scope: Rec = reuse ? structuredClone(reuse.scope) : { place: rng.pick(places) };
      if (!reuse) {
        const nets = rng.chance(0.9)
          ? ['encrochat']
          : networks.slice(0, rng.int(2, Math.max(2, networks.length)));
        scope.networks = nets;
        if (operations.length && rng.chance(0.4)) scope.operation = rng.pick(operations);
        if (organisations.length && rng.chance(0.2))
          scope.organisations = [rng.pick(organisations)];
      }
      // as_of: the publication date, or a stated earlier day, month or interval within it.
      let asOf = published.edtf;
      let basis = 'publication';
      if (reuse && reuse.as_of_day <= published.day) {
        asOf = reuse.as_of;
        basis = 'stated';
      } else if (rng.chance(0.3)) {
        const day = published.day;
        const r = rng.next();
        asOf =
          r < 0.5 || day.endsWith('-01-01')
            ? day
            : r < 0.8
              ? day.slice(0, 7)
              : `${day.slice(0, 4)}-01-01/${day}`;
        basis = 'stated';
      }
      const breakdownKeys = (metric.breakdown_keys as string[] | undefined) ?? [];
      const breakdown =
        !reuse && breakdownKeys.length && rng.chance(0.3)
          ? {
              [rng.pick(breakdownKeys)]: rng.pick([
                'cocaine',
                'heroin',
                'cannabis',
                'handguns',
                'cars',
                'high-value-targets',
                'bank-accounts',
              ]),
            }
          : reuse?.breakdown;
      const noun = NOUNS[unit] ?? 'in cash';
      let quote = `${metric.label} so far: ${f.words} ${noun}, the synthetic agency said.`;
      if (rng.chance(0.05))
        quote = `${FILLER}, and said that ${f.words} ${noun} had been recorded (${metric.label.toLowerCase()}).`;
      const claim: Rec = {
        id: `${id}/c${pad(i + 1, 2)}-${metric.id.replace(/_/g, '-')}`,
        metric: metric.id,
      };
      if (breakdown) claim.breakdown = breakdown;
      if (f.value !== undefined) claim.value = f.value;
      if (f.min !== undefined) claim.min = f.min;
      if (f.max !== undefined) claim.max = f.max;
      Object.assign(claim, {
        unit,
        qualifier: f.qualifier,
        scope,
        as_of: asOf,
        as_of_basis: basis,
      });
      if (persons.length && rng.chance(0.1)) {
        const p = rng.pick(persons);
        claim.attributed_to = { organisation: p.roles[0].organisation, person: p.id };
      }
      claim.quote = quote;
      // A stated as_of is stated somewhere (the validator's DATE005): here, in the note.
      claim.note = `SYNTHETIC claim.${f.note ? ` ${f.note}.` : ''}${basis === 'stated' ? ` as_of stated by the source: ${asOf}.` : ''}`;
      claims.push(claim);
      if (!reuse && stories.length < 5000 && rng.chance(0.2))
        stories.push({
          metric: metric.id,
          unit,
          scope,
          as_of: asOf,
          as_of_day: asOf.slice(0, 10).length === 10 ? asOf.slice(0, 10) : `${asOf.slice(0, 7)}-01`,
          breakdown,
        });
    }
    made += claims.length;
    sources++;
    write('sources', {
      id,
      kind: rng.pick(KINDS),
      title: `[SYNTHETIC] Synthetic report ${group(sources)} on EncroChat results`,
      publisher: `Synthetic Gazette ${rng.int(1, 50)}`,
      published: published.edtf,
      url: rng.chance(0.5) ? `https://example.org/synthetic/${id}` : null,
      language: 'en',
      reliability: rng.pick(RELIABILITY),
      note: `SYNTHETIC: generated by npm run synth (seed ${seed}); not real data, for benchmarks and scale tests only.`,
      claims,
    });
  }
  return { claims: made, sources, files };
}
