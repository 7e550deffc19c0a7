/** Renders the benchmark results as BENCHMARKS.md: targets first, then each tool, then scaling. */
import type { Measurement } from './measure.js';

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
    /** read + JSON.parse + the precompiled schema validators only (ajv-floor.mjs); absent in results from before it was measured. */
    ajvFloor?: Measurement;
    /** The validator's own timings of one run, by scope (absent in older results). */
    timings?: ValidatorTimings;
  };
  build: { bundle: Measurement; full: Measurement | null };
  exporter: { parquet: Measurement; duckdbCopy: Measurement; csv: Measurement; csvBytes: number };
}

/** Milliseconds by scope, from the validator's `--timings` (Node's start and module loading not counted). */
export interface ValidatorTimings {
  read: number;
  file: number;
  record: number;
  dataset: number;
  report: number;
}

export interface Results {
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  runs: number;
  sizes: SizeResult[];
  package: { packedBytes: number; unpackedBytes: number; files: number; runtimeDependencies: number } | null;
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
export function viewerFigures(p: ViewerPerf): { firstRenderMs?: number; filterMs?: number; filterMedianMs?: number } {
  const firsts = [p.first_view_overview_ms, p.first_view_claims_ms, p.first_view_charts_ms].map((v) => v?.median_first_render).filter((v): v is number => typeof v === 'number');
  return {
    ...(firsts.length ? { firstRenderMs: Math.max(...firsts) } : {}),
    ...(typeof p.filter_ms?.max_to_next_frame === 'number' ? { filterMs: p.filter_ms.max_to_next_frame } : {}),
    ...(typeof p.filter_ms?.median_to_next_frame === 'number' ? { filterMedianMs: p.filter_ms.median_to_next_frame } : {}),
  };
}

const n = (x: number) => x.toLocaleString('en-GB');
const s = (m: Measurement) => `${m.seconds.toFixed(2)} s`;
const mib = (m: Measurement) => `${Math.round(m.peakMiB)} MiB`;
const ratio = (a: Measurement, b: Measurement) => `${(a.seconds / b.seconds).toFixed(2)}×`;
/** The ratios of the pairs of runs of a tool and its peer run alternately, or null when they were not. */
const pairRatios = (x: SizeResult, a: Measurement & { runs?: number[] }, b: Measurement & { runs?: number[] }): number[] | null =>
  x.interleaved && a.runs && b.runs && a.runs.length === b.runs.length ? a.runs.map((t, i) => t / b.runs![i]!) : null;
const median = (values: number[]) => {
  const v = [...values].sort((p, q) => p - q);
  return v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};
/** A tool's ratio to its peer: the median of the ratios of their pairs of runs when they ran alternately, else the ratio of their medians. */
const peerRatio = (x: SizeResult, a: Measurement, b: Measurement) => {
  const pairs = pairRatios(x, a, b);
  return pairs ? median(pairs) : a.seconds / b.seconds;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
/** The fastest and slowest of a figure's runs, when it had several: a ratio of medians hides how far each side moved. */
const range = (m: Measurement & { runs?: number[] }) => (m.runs && m.runs.length > 1 ? `${Math.min(...m.runs).toFixed(2)}–${Math.max(...m.runs).toFixed(2)} s` : null);
const ranges = (x: SizeResult, a: Measurement, b: Measurement) => {
  const [ra, rb] = [range(a), range(b)];
  const pairs = pairRatios(x, a, b);
  const spread = pairs && pairs.length > 1 ? `; pairs ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}×` : '';
  return ra && rb ? `; runs ${ra} vs ${rb}${spread}` : '';
};
const ok = (met: boolean) => (met ? 'met' : '**missed**');

export function renderMarkdown(r: Results): string {
  const lines: string[] = [];
  const at = (claims: number) => r.sizes.find((x) => x.claims === claims);
  const largest = r.sizes[r.sizes.length - 1];
  const v100 = at(100_000) ?? largest;
  const e1m = at(1_000_000) ?? largest;
  lines.push('# Benchmarks', '');
  lines.push('<!-- GENERATED by `npm run bench` (apps/bench) — do not edit; re-run to update. -->', '');
  lines.push(`Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}.`);
  lines.push(`Each figure is the median of ${[...new Set(r.sizes.map((x) => `${x.runs} run(s) at ${n(x.claims)} claims`))].join(', ')} of a whole command (process start included), measured against its peer in the same run on the same machine. Data: the synthetic datasets of \`npm run synth\` (seed 20200702).`, '');
  const loads = r.sizes.filter((x) => x.loadAverage !== undefined).map((x) => `${x.loadAverage} at ${n(x.claims)}`);
  if (loads.length) lines.push(`Load average (5 min) of the machine as each size finished: ${loads.join(', ')} — above ${r.machine.cores}, other work was sharing the cores, which slows the absolute times; each ratio compares two commands run in the same minutes.`, '');
  if (r.sizes.some((x) => x.interleaved))
    lines.push(
      'The validator and `JSON.parse`, and the Parquet export and DuckDB COPY, run alternately (tool, peer, tool, peer, …): their ratio is the median of the ratios of each pair of runs, so that a change in the speed of the machine during the benchmark meets both sides.',
      ''
    );
  lines.push('Reproduce: `npm ci && npm run build && npm run bench` (about 15 minutes at 1M claims).', '');

  lines.push('## Targets', '', '| target | measured | status |', '|---|---|---|');
  if (v100) {
    const rv = peerRatio(v100, v100.validator.ours, v100.validator.jsonParse);
    lines.push(`| validator ≤ 2× JSON.parse (${n(v100.claims)} claims) | ${rv.toFixed(2)}× (${s(v100.validator.ours)} vs ${s(v100.validator.jsonParse)}${ranges(v100, v100.validator.ours, v100.validator.jsonParse)}) | ${ok(rv <= 2)} |`);
    lines.push(`| validator faster than ajv-cli (${n(v100.claims)} claims) | ${ratio(v100.validator.ours, v100.validator.ajvCli)} of ajv-cli's time (${s(v100.validator.ours)} vs ${s(v100.validator.ajvCli)}) | ${ok(v100.validator.ours.seconds < v100.validator.ajvCli.seconds)} |`);
  }
  if (e1m) {
    const rp = peerRatio(e1m, e1m.exporter.parquet, e1m.exporter.duckdbCopy);
    lines.push(`| Parquet export ≤ 1.5× DuckDB COPY (${n(e1m.claims)} claims) | ${rp.toFixed(2)}× (${s(e1m.exporter.parquet)} vs ${s(e1m.exporter.duckdbCopy)}${ranges(e1m, e1m.exporter.parquet, e1m.exporter.duckdbCopy)}) | ${ok(rp <= 1.5)} |`);
    const rate = e1m.exporter.csvBytes / e1m.exporter.csv.seconds / 1e6;
    lines.push(`| CSV export ≥ 50 MB/s (${n(e1m.claims)} claims) | ${rate.toFixed(1)} MB/s (${mb(e1m.exporter.csvBytes)} in ${s(e1m.exporter.csv)}) | ${ok(rate >= 50)} |`);
    const peak = Math.max(e1m.exporter.parquet.peakMiB, e1m.exporter.csv.peakMiB);
    lines.push(`| exporter memory < 1 GiB (${n(e1m.claims)} claims) | ${Math.round(peak)} MiB peak | ${ok(peak < 1024)} |`);
  }
  if (r.viewer) {
    lines.push(`| viewer JS ≤ 150 kB gzipped | ${(r.viewer.jsGzipBytes / 1000).toFixed(1)} kB | ${ok(r.viewer.jsGzipBytes <= 150_000)} |`);
    const p = r.viewer.perf;
    const f = p ? viewerFigures(p) : {};
    if (f.firstRenderMs !== undefined) lines.push(`| viewer first render < 2 s (${n(p?.claims ?? 0)} claims) | ${Math.round(f.firstRenderMs)} ms (slowest of overview, claims, charts; median of runs) | ${ok(f.firstRenderMs < 2000)} |`);
    if (f.filterMs !== undefined) lines.push(`| viewer filter < 100 ms (${n(p?.claims ?? 0)} claims) | ${Math.round(f.filterMs)} ms to the next frame, slowest step (median ${Math.round(f.filterMedianMs ?? NaN)} ms) | ${ok(f.filterMs < 100)} |`);
  } else lines.push('| viewer bundle, first render, filter | not measured: the viewer is not built | — |');
  if (r.package) lines.push(`| dataset package: zero runtime dependencies | ${r.package.runtimeDependencies} | ${ok(r.package.runtimeDependencies === 0)} |`);
  lines.push('');
  const floor = v100?.validator.ajvFloor;
  const t = v100?.validator.timings;
  if (v100 && floor && t) {
    const serial = (t.dataset + t.report) / 1000;
    const floorRatio = ratio(floor, v100.validator.jsonParse);
    const serialRatio = `${(serial / v100.validator.jsonParse.seconds).toFixed(2)}×`;
    lines.push(
      `Under the validator's target (${n(v100.claims)} claims): reading, parsing and checking the published schemas with the validator's precompiled Ajv validators, and nothing else, ` +
        `already takes ${s(floor)}, ${floorRatio} JSON.parse (\`ajv-floor.mjs\`). The steps that need every record in one place, and so start only once every file is read — ` +
        `the dataset rules (ids, references, consistency, disagreement) and the report — took ${serial.toFixed(2)} s of the validator's run by its own \`--timings\`: ` +
        `on their own, ${serialRatio} JSON.parse's whole run.`,
      ''
    );
  }

  lines.push('## Validator', '', 'Our validator runs every rule (schema, references, units, dates, numbers in quotes, consistency); the peers do less: `JSON.parse` of the same files only, and `ajv-cli` with the same schemas and EDTF format on the source files only.', '');
  lines.push('| claims | data | validator | JSON.parse | ratio | ajv-cli | ratio | validator peak |', '|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of r.sizes) lines.push(`| ${n(x.claims)} | ${mb(x.dataBytes)} | ${s(x.validator.ours)} | ${s(x.validator.jsonParse)} | ${peerRatio(x, x.validator.ours, x.validator.jsonParse).toFixed(2)}× | ${s(x.validator.ajvCli)} | ${ratio(x.validator.ours, x.validator.ajvCli)} | ${mib(x.validator.ours)} |`);
  lines.push('');
  const timed = r.sizes.filter((x) => x.validator.ajvFloor && x.validator.timings);
  if (timed.length) {
    lines.push(
      "Where the time goes. The floor is `ajv-floor.mjs`: read + `JSON.parse` + the precompiled schema validators, nothing else. The steps are the validator's own `--timings` of one more run, by scope: `file` and `record` steps look at one file or record at a time; `dataset` steps and the report need every record at once. Node's start and the loading of the validator are not in the steps.",
      ''
    );
    lines.push('| claims | floor | floor / JSON.parse | read and parse | file rules | record rules | dataset rules | report |', '|---:|---:|---:|---:|---:|---:|---:|---:|');
    const ms = (x: number) => `${Math.round(x)} ms`;
    for (const x of timed) {
      const t = x.validator.timings!;
      lines.push(`| ${n(x.claims)} | ${s(x.validator.ajvFloor!)} | ${ratio(x.validator.ajvFloor!, x.validator.jsonParse)} | ${ms(t.read)} | ${ms(t.file)} | ${ms(t.record)} | ${ms(t.dataset)} | ${ms(t.report)} |`);
    }
    lines.push('');
  }

  lines.push('## Dataset build', '', '`bundle` is the data build (`--bundle-only`: validate against the schemas, bundle, claims table, datapackage); `full` adds the ESM/CJS entry points with the embedded data and the type declarations (not run above 200k claims: the embedded data would pass the JavaScript string limit).', '');
  lines.push('| claims | bundle | bundle peak | full build | full peak |', '|---:|---:|---:|---:|---:|');
  for (const x of r.sizes) lines.push(`| ${n(x.claims)} | ${s(x.build.bundle)} | ${mib(x.build.bundle)} | ${x.build.full ? s(x.build.full) : '—'} | ${x.build.full ? mib(x.build.full) : '—'} |`);
  lines.push('');

  lines.push('## Exporter', '', 'Parquet: our export of every table (claims, sources, …, series, conflicts) from the bundle, against DuckDB writing the claims table alone from its JSON with `COPY (SELECT * FROM read_json(…)) TO … (FORMAT parquet, COMPRESSION zstd)`.', '');
  lines.push('| claims | Parquet export | DuckDB COPY | ratio | Parquet peak | CSV export | CSV bytes | CSV rate | CSV peak |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of r.sizes) lines.push(`| ${n(x.claims)} | ${s(x.exporter.parquet)} | ${s(x.exporter.duckdbCopy)} | ${peerRatio(x, x.exporter.parquet, x.exporter.duckdbCopy).toFixed(2)}× | ${mib(x.exporter.parquet)} | ${s(x.exporter.csv)} | ${mb(x.exporter.csvBytes)} | ${(x.exporter.csvBytes / x.exporter.csv.seconds / 1e6).toFixed(1)} MB/s | ${mib(x.exporter.csv)} |`);
  lines.push('');

  if (r.sizes.length > 1) {
    lines.push('## Scaling', '', 'Time per claim relative to the smallest size (1.00 = perfectly linear; below 1, fixed start-up costs are being spread).', '');
    const first = r.sizes[0]!;
    const rel = (a: Measurement, b: Measurement, ca: number, cb: number) => ((a.seconds / ca) / (b.seconds / cb)).toFixed(2);
    lines.push(`| figure | ${r.sizes.map((x) => n(x.claims)).join(' | ')} |`, `|---|${r.sizes.map(() => '---:').join('|')}|`);
    const row = (name: string, pick: (x: SizeResult) => Measurement) => lines.push(`| ${name} | ${r.sizes.map((x) => `${s(pick(x))} (${rel(pick(x), pick(first), x.claims, first.claims)})`).join(' | ')} |`);
    row('validator', (x) => x.validator.ours);
    row('JSON.parse', (x) => x.validator.jsonParse);
    row('ajv-cli', (x) => x.validator.ajvCli);
    row('dataset bundle', (x) => x.build.bundle);
    row('Parquet export', (x) => x.exporter.parquet);
    row('DuckDB COPY', (x) => x.exporter.duckdbCopy);
    row('CSV export', (x) => x.exporter.csv);
    lines.push('');
  }

  if (r.package) {
    lines.push('## The npm package', '', `\`@encrochat-ledger/dataset\` as packed from the real data: ${n(r.package.packedBytes)} bytes packed, ${n(r.package.unpackedBytes)} bytes installed, ${r.package.files} files, ${r.package.runtimeDependencies} runtime dependencies.`, '');
  }
  if (r.viewer) {
    const f = r.viewer.perf ? viewerFigures(r.viewer.perf) : null;
    lines.push('## Viewer', '', `JavaScript shipped: ${n(r.viewer.jsGzipBytes)} bytes gzipped (level 9), data not counted.${f ? ` In Debian's Chromium with ${n(r.viewer.perf?.claims ?? 0)} synthetic claims: first render ${Math.round(f.firstRenderMs ?? NaN)} ms, filter change ${Math.round(f.filterMs ?? NaN)} ms at worst (median ${Math.round(f.filterMedianMs ?? NaN)} ms), measured in the page by the viewer's browser test (\`apps/viewer/.bench/perf.json\`, written by \`npm test -w @encrochat-ledger/viewer\`).` : ''}`, '');
  }
  return `${lines.join('\n')}\n`;
}
