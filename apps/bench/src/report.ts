/** Renders the benchmark results as BENCHMARKS.md: targets first, then each tool, then scaling. */
import type { TimingScope } from '@encrochat-ledger/validator';
import { median, type Measurement } from './measure.js';

export interface SizeResult {
  claims: number;
  runs: number;
  /**
   * Whether the validator and JSON.parse, and the Parquet export and DuckDB COPY, ran alternately
   * (their i-th runs a pair); absent in results from before they did.
   */
  interleaved?: boolean;
  /** The machine's 5-minute load average when this size finished (2 cores: above 2, other work shared them). */
  loadAverage?: number;
  dataBytes: number;
  validator: {
    ours: Measurement;
    jsonParse: Measurement;
    ajvCli: Measurement;
    /** read + JSON.parse + the precompiled schema validators only (`json-parse.mjs --schemas`); absent in results from before it was measured. */
    ajvFloor?: Measurement;
    /** The validator's own timings of one run, by scope (absent in older results). */
    timings?: ValidatorTimings;
  };
  build: { bundle: Measurement; full: Measurement | null };
  exporter: { parquet: Measurement; duckdbCopy: Measurement; csv: Measurement; csvBytes: number };
}

/** Milliseconds by scope, from the validator's `--timings` (Node's start and module loading not counted). */
export type ValidatorTimings = Record<TimingScope, number>;

export interface Results {
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  runs: number;
  sizes: SizeResult[];
  package: {
    packedBytes: number;
    unpackedBytes: number;
    files: number;
    runtimeDependencies: number;
  } | null;
  viewer: { jsGzipBytes: number; perf: ViewerPerf | null } | null;
}

/** What the viewer's browser test writes to apps/viewer/.bench/perf.json (the fields used here). */
export interface ViewerPerf {
  claims?: number;
  first_view_overview_ms?: { median_first_render?: number };
  first_view_claims_ms?: { median_first_render?: number };
  first_view_charts_ms?: { median_first_render?: number };
  filter_ms?: { median_to_next_frame?: number; max_to_next_frame?: number };
}

/** The slowest first view (median of runs) and the slowest filter change (to the next painted frame). */
export function viewerFigures(p: ViewerPerf): {
  firstRenderMs?: number;
  filterMs?: number;
  filterMedianMs?: number;
} {
  const firsts = [p.first_view_overview_ms, p.first_view_claims_ms, p.first_view_charts_ms]
    .map((v) => v?.median_first_render)
    .filter((v): v is number => typeof v === 'number');
  return {
    ...(firsts.length ? { firstRenderMs: Math.max(...firsts) } : {}),
    ...(typeof p.filter_ms?.max_to_next_frame === 'number'
      ? { filterMs: p.filter_ms.max_to_next_frame }
      : {}),
    ...(typeof p.filter_ms?.median_to_next_frame === 'number'
      ? { filterMedianMs: p.filter_ms.median_to_next_frame }
      : {}),
  };
}

const n = (x: number) => x.toLocaleString('en-GB');
const s = (m: Measurement) => `${m.seconds.toFixed(2)} s`;
const mib = (m: Measurement) => `${Math.round(m.peakMiB)} MiB`;
const ratio = (a: Measurement, b: Measurement) => `${(a.seconds / b.seconds).toFixed(2)}×`;
/** The ratios of the pairs of runs of a tool and its peer run alternately, or null when they were not. */
const pairRatios = (
  x: SizeResult,
  a: Measurement & { runs?: number[] },
  b: Measurement & { runs?: number[] },
): number[] | null =>
  x.interleaved && a.runs && b.runs && a.runs.length === b.runs.length
    ? a.runs.map((t, i) => t / b.runs![i]!)
    : null;
/** A tool's ratio to its peer: the median of the ratios of their pairs of runs when they ran alternately, else the ratio of their medians. */
const peerRatio = (x: SizeResult, a: Measurement, b: Measurement) => {
  const pairs = pairRatios(x, a, b);
  return pairs ? median(pairs) : a.seconds / b.seconds;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
/** The fastest and slowest of a figure's runs, when it had several: a ratio of medians hides how far each side moved. */
const range = (m: Measurement & { runs?: number[] }) =>
  m.runs && m.runs.length > 1
    ? `${Math.min(...m.runs).toFixed(2)}–${Math.max(...m.runs).toFixed(2)} s`
    : null;
const ranges = (x: SizeResult, a: Measurement, b: Measurement) => {
  const [ra, rb] = [range(a), range(b)];
  const pairs = pairRatios(x, a, b);
  const spread =
    pairs && pairs.length > 1
      ? `; pairs ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}×`
      : '';
  return ra && rb ? `; runs ${ra} vs ${rb}${spread}` : '';
};
const ok = (met: boolean) => (met ? 'met' : '**missed**');

/** BENCHMARKS.md: the preamble, the targets, then one section per tool, scaling, the package and the viewer. */
export function renderMarkdown(results: Results): string {
  const sections = [
    preamble(results),
    targets(results),
    validatorSection(results),
    datasetBuildSection(results),
    exporterSection(results),
    scalingSection(results),
    packageSection(results),
    viewerSection(results),
  ];
  return `${sections.flat().join('\n')}\n`;
}

/** The size a target is measured at: that number of claims, else the largest size run. */
function sizeFor(results: Results, claims: number): SizeResult | undefined {
  return results.sizes.find((x) => x.claims === claims) ?? results.sizes[results.sizes.length - 1];
}

/** The title, the machine, how figures are measured and how to reproduce them. */
function preamble(r: Results): string[] {
  const lines = [
    '# Benchmarks',
    '',
    '<!-- GENERATED by `npm run bench` (apps/bench) — do not edit; re-run to update. -->',
    '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}.`,
    `Each figure is the median of ${[...new Set(r.sizes.map((x) => `${x.runs} run(s) at ${n(x.claims)} claims`))].join(', ')} of a whole command (process start included), measured against its peer in the same run on the same machine. Data: the synthetic datasets of \`npm run synth\` (seed 20200702).`,
    '',
  ];
  const loads = r.sizes
    .filter((x) => x.loadAverage !== undefined)
    .map((x) => `${x.loadAverage} at ${n(x.claims)}`);
  if (loads.length)
    lines.push(
      `Load average (5 min) of the machine as each size finished: ${loads.join(', ')} — above ${r.machine.cores}, other work was sharing the cores, which slows the absolute times; each ratio compares two commands run in the same minutes.`,
      '',
    );
  if (r.sizes.some((x) => x.interleaved))
    lines.push(
      'The validator and `JSON.parse`, and the Parquet export and DuckDB COPY, run alternately (tool, peer, tool, peer, …): their ratio is the median of the ratios of each pair of runs, so that a change in the speed of the machine during the benchmark meets both sides.',
      '',
    );
  lines.push(
    'Reproduce: `npm ci && npm run build && npm run bench` (about 15 minutes at 1M claims).',
    '',
  );
  return lines;
}

/** The targets table (validator and viewer rows at 100,000 claims, exporter rows at 1M), then what lies under the validator's target. */
function targets(r: Results): string[] {
  const v100 = sizeFor(r, 100_000);
  const e1m = sizeFor(r, 1_000_000);
  return [
    '## Targets',
    '',
    '| target | measured | status |',
    '|---|---|---|',
    ...(v100 ? validatorTargets(v100) : []),
    ...(e1m ? exporterTargets(e1m) : []),
    ...viewerTargets(r.viewer),
    ...(r.package
      ? [
          `| dataset package: zero runtime dependencies | ${r.package.runtimeDependencies} | ${ok(r.package.runtimeDependencies === 0)} |`,
        ]
      : []),
    '',
    ...(v100 ? validatorFloor(v100) : []),
  ];
}

function validatorTargets(x: SizeResult): string[] {
  const { ours, jsonParse, ajvCli } = x.validator;
  const rv = peerRatio(x, ours, jsonParse);
  return [
    `| validator ≤ 2× JSON.parse (${n(x.claims)} claims) | ${rv.toFixed(2)}× (${s(ours)} vs ${s(jsonParse)}${ranges(x, ours, jsonParse)}) | ${ok(rv <= 2)} |`,
    `| validator faster than ajv-cli (${n(x.claims)} claims) | ${ratio(ours, ajvCli)} of ajv-cli's time (${s(ours)} vs ${s(ajvCli)}) | ${ok(ours.seconds < ajvCli.seconds)} |`,
  ];
}

function exporterTargets(x: SizeResult): string[] {
  const { parquet, duckdbCopy, csv, csvBytes } = x.exporter;
  const rp = peerRatio(x, parquet, duckdbCopy);
  const rate = csvBytes / csv.seconds / 1e6;
  const peak = Math.max(parquet.peakMiB, csv.peakMiB);
  return [
    `| Parquet export ≤ 1.5× DuckDB COPY (${n(x.claims)} claims) | ${rp.toFixed(2)}× (${s(parquet)} vs ${s(duckdbCopy)}${ranges(x, parquet, duckdbCopy)}) | ${ok(rp <= 1.5)} |`,
    `| CSV export ≥ 50 MB/s (${n(x.claims)} claims) | ${rate.toFixed(1)} MB/s (${mb(csvBytes)} in ${s(csv)}) | ${ok(rate >= 50)} |`,
    `| exporter memory < 1 GiB (${n(x.claims)} claims) | ${Math.round(peak)} MiB peak | ${ok(peak < 1024)} |`,
  ];
}

function viewerTargets(viewer: Results['viewer']): string[] {
  if (!viewer)
    return ['| viewer bundle, first render, filter | not measured: the viewer is not built | — |'];
  const lines = [
    `| viewer JS ≤ 150 kB gzipped | ${(viewer.jsGzipBytes / 1000).toFixed(1)} kB | ${ok(viewer.jsGzipBytes <= 150_000)} |`,
  ];
  const p = viewer.perf;
  const f = p ? viewerFigures(p) : {};
  if (f.firstRenderMs !== undefined)
    lines.push(
      `| viewer first render < 2 s (${n(p?.claims ?? 0)} claims) | ${Math.round(f.firstRenderMs)} ms (slowest of overview, claims, charts; median of runs) | ${ok(f.firstRenderMs < 2000)} |`,
    );
  if (f.filterMs !== undefined)
    lines.push(
      `| viewer filter < 100 ms (${n(p?.claims ?? 0)} claims) | ${Math.round(f.filterMs)} ms to the next frame, slowest step (median ${Math.round(f.filterMedianMs ?? NaN)} ms) | ${ok(f.filterMs < 100)} |`,
    );
  return lines;
}

/** What the validator cannot go below (its Ajv floor) and what cannot start before every file is read. */
function validatorFloor(x: SizeResult): string[] {
  const floor = x.validator.ajvFloor;
  const t = x.validator.timings;
  if (!floor || !t) return [];
  const serial = (t.dataset + t.report) / 1000;
  const floorRatio = ratio(floor, x.validator.jsonParse);
  const serialRatio = `${(serial / x.validator.jsonParse.seconds).toFixed(2)}×`;
  return [
    `Under the validator's target (${n(x.claims)} claims): reading, parsing and checking the published schemas with the validator's precompiled Ajv validators, and nothing else, ` +
      `already takes ${s(floor)}, ${floorRatio} JSON.parse (\`json-parse.mjs --schemas\`). The steps that need every record in one place, and so start only once every file is read — ` +
      `the dataset rules (ids, references, consistency, disagreement) and the report — took ${serial.toFixed(2)} s of the validator's run by its own \`--timings\`: ` +
      `on their own, ${serialRatio} JSON.parse's whole run.`,
    '',
  ];
}

/** The validator against its peers at each size, then where its time goes. */
function validatorSection(r: Results): string[] {
  const lines = [
    '## Validator',
    '',
    'Our validator runs every rule (schema, references, units, dates, numbers in quotes, consistency); the peers do less: `JSON.parse` of the same files only, and `ajv-cli` with the same schemas and EDTF format on the source files only.',
    '',
    '| claims | data | validator | JSON.parse | ratio | ajv-cli | ratio | validator peak |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.sizes.map(
      (x) =>
        `| ${n(x.claims)} | ${mb(x.dataBytes)} | ${s(x.validator.ours)} | ${s(x.validator.jsonParse)} | ${peerRatio(x, x.validator.ours, x.validator.jsonParse).toFixed(2)}× | ${s(x.validator.ajvCli)} | ${ratio(x.validator.ours, x.validator.ajvCli)} | ${mib(x.validator.ours)} |`,
    ),
    '',
  ];
  const timed = r.sizes.filter((x) => x.validator.ajvFloor && x.validator.timings);
  if (!timed.length) return lines;
  const ms = (x: number) => `${Math.round(x)} ms`;
  return [
    ...lines,
    "Where the time goes. The floor is `json-parse.mjs --schemas`: read + `JSON.parse` + the precompiled schema validators, nothing else. The steps are the validator's own `--timings` of one more run, by scope: `file` and `record` steps look at one file or record at a time; `dataset` steps and the report need every record at once. Node's start and the loading of the validator are not in the steps.",
    '',
    '| claims | floor | floor / JSON.parse | read and parse | file rules | record rules | dataset rules | report |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...timed.map((x) => {
      const t = x.validator.timings!;
      return `| ${n(x.claims)} | ${s(x.validator.ajvFloor!)} | ${ratio(x.validator.ajvFloor!, x.validator.jsonParse)} | ${ms(t.read)} | ${ms(t.file)} | ${ms(t.record)} | ${ms(t.dataset)} | ${ms(t.report)} |`;
    }),
    '',
  ];
}

function datasetBuildSection(r: Results): string[] {
  return [
    '## Dataset build',
    '',
    '`bundle` is the data build (`--bundle-only`: validate against the schemas, bundle, claims table, datapackage); `full` adds the ESM/CJS entry points with the embedded data and the type declarations (not run above 200k claims: the embedded data would pass the JavaScript string limit).',
    '',
    '| claims | bundle | bundle peak | full build | full peak |',
    '|---:|---:|---:|---:|---:|',
    ...r.sizes.map(
      (x) =>
        `| ${n(x.claims)} | ${s(x.build.bundle)} | ${mib(x.build.bundle)} | ${x.build.full ? s(x.build.full) : '—'} | ${x.build.full ? mib(x.build.full) : '—'} |`,
    ),
    '',
  ];
}

function exporterSection(r: Results): string[] {
  return [
    '## Exporter',
    '',
    'Parquet: our export of every table (claims, sources, …, series, conflicts) from the bundle, against DuckDB writing the claims table alone from its JSON with `COPY (SELECT * FROM read_json(…)) TO … (FORMAT parquet, COMPRESSION zstd)`.',
    '',
    '| claims | Parquet export | DuckDB COPY | ratio | Parquet peak | CSV export | CSV bytes | CSV rate | CSV peak |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.sizes.map(
      (x) =>
        `| ${n(x.claims)} | ${s(x.exporter.parquet)} | ${s(x.exporter.duckdbCopy)} | ${peerRatio(x, x.exporter.parquet, x.exporter.duckdbCopy).toFixed(2)}× | ${mib(x.exporter.parquet)} | ${s(x.exporter.csv)} | ${mb(x.exporter.csvBytes)} | ${(x.exporter.csvBytes / x.exporter.csv.seconds / 1e6).toFixed(1)} MB/s | ${mib(x.exporter.csv)} |`,
    ),
    '',
  ];
}

/** Time per claim of each figure relative to the smallest size; only with more than one size. */
function scalingSection(r: Results): string[] {
  if (r.sizes.length <= 1) return [];
  const first = r.sizes[0]!;
  const perClaim = (m: Measurement, claims: number) => m.seconds / claims;
  const row = (name: string, pick: (x: SizeResult) => Measurement) =>
    `| ${name} | ${r.sizes.map((x) => `${s(pick(x))} (${(perClaim(pick(x), x.claims) / perClaim(pick(first), first.claims)).toFixed(2)})`).join(' | ')} |`;
  return [
    '## Scaling',
    '',
    'Time per claim relative to the smallest size (1.00 = perfectly linear; below 1, fixed start-up costs are being spread).',
    '',
    `| figure | ${r.sizes.map((x) => n(x.claims)).join(' | ')} |`,
    `|---|${r.sizes.map(() => '---:').join('|')}|`,
    row('validator', (x) => x.validator.ours),
    row('JSON.parse', (x) => x.validator.jsonParse),
    row('ajv-cli', (x) => x.validator.ajvCli),
    row('dataset bundle', (x) => x.build.bundle),
    row('Parquet export', (x) => x.exporter.parquet),
    row('DuckDB COPY', (x) => x.exporter.duckdbCopy),
    row('CSV export', (x) => x.exporter.csv),
    '',
  ];
}

function packageSection({ package: pkg }: Results): string[] {
  if (!pkg) return [];
  return [
    '## The npm package',
    '',
    `\`@encrochat-ledger/dataset\` as packed from the real data: ${n(pkg.packedBytes)} bytes packed, ${n(pkg.unpackedBytes)} bytes installed, ${pkg.files} files, ${pkg.runtimeDependencies} runtime dependencies.`,
    '',
  ];
}

function viewerSection({ viewer }: Results): string[] {
  if (!viewer) return [];
  const f = viewer.perf ? viewerFigures(viewer.perf) : null;
  return [
    '## Viewer',
    '',
    `JavaScript shipped: ${n(viewer.jsGzipBytes)} bytes gzipped (level 9), data not counted.${f ? ` In Debian's Chromium with ${n(viewer.perf?.claims ?? 0)} synthetic claims: first render ${Math.round(f.firstRenderMs ?? NaN)} ms, filter change ${Math.round(f.filterMs ?? NaN)} ms at worst (median ${Math.round(f.filterMedianMs ?? NaN)} ms), measured in the page by the viewer's browser test (\`apps/viewer/.bench/perf.json\`, written by \`npm test -w @encrochat-ledger/viewer\`).` : ''}`,
    '',
  ];
}
