/** A tool and its peer run alternately, and a target's ratio is the median of the ratios of their pairs of runs. */
import { expect, it } from 'vitest';
import { interleave, type Measurement } from '../src/measure.js';
import { renderMarkdown, type Results, type SizeResult } from '../src/report.js';

it('runs the tool and its peer alternately, keeping each run in order', () => {
  const order: string[] = [];
  const run = (name: string, seconds: number[]) => () => {
    order.push(name);
    return { seconds: seconds[order.filter((n) => n === name).length - 1]!, peakMiB: 50 };
  };
  const [ours, peer] = interleave(3, run('ours', [3, 9, 4]), run('peer', [1, 2, 8]));
  expect(order).toEqual(['ours', 'peer', 'ours', 'peer', 'ours', 'peer']);
  expect(ours.runs).toEqual([3, 9, 4]);
  expect(ours.seconds).toBe(4);
  expect(peer.runs).toEqual([1, 2, 8]);
});

const m = (runs: number[]): Measurement & { runs: number[] } => ({
  seconds: [...runs].sort((a, b) => a - b)[runs.length >> 1]!,
  peakMiB: 100,
  runs,
});

function results(interleaved: boolean): Results {
  // Pairs of the Parquet export and DuckDB: 15/10, 16/8, 30/25 → ratios 1.5, 2.0, 1.2 (median 1.5);
  // the ratio of the medians is 16/10 = 1.6.
  const size: SizeResult = {
    claims: 1_000_000,
    runs: 3,
    interleaved,
    dataBytes: 1,
    validator: { ours: m([3, 2, 4]), jsonParse: m([1, 1, 2]), ajvCli: m([9, 9, 9]) },
    build: { bundle: m([1, 1, 1]), full: null },
    exporter: {
      parquet: m([15, 16, 30]),
      duckdbCopy: m([10, 8, 25]),
      csv: m([5, 5, 5]),
      csvBytes: 1e9,
    },
  };
  return {
    machine: { cpu: 'x', cores: 2, memoryGiB: 1, node: 'v20', platform: 'linux' },
    runs: 3,
    sizes: [size],
    package: null,
    viewer: null,
  };
}

it('judges a ratio target by the median of the pairs when the runs alternated, else by the ratio of the medians', () => {
  const paired = renderMarkdown(results(true));
  expect(paired).toContain(
    '| Parquet export ≤ 1.5× DuckDB COPY (1,000,000 claims) | 1.50× (16.00 s vs 10.00 s; runs 15.00–30.00 s vs 8.00–25.00 s; pairs 1.20–2.00×) | met |',
  );
  // Validator pairs 3/1, 2/1, 4/2 → 3, 2, 2: median 2.
  expect(paired).toContain('| validator ≤ 2× JSON.parse (1,000,000 claims) | 2.00× (');
  expect(paired).toContain('run alternately');
  const blocks = renderMarkdown(results(false));
  expect(blocks).toContain(
    '| Parquet export ≤ 1.5× DuckDB COPY (1,000,000 claims) | 1.60× (16.00 s vs 10.00 s; runs 15.00–30.00 s vs 8.00–25.00 s) | **missed** |',
  );
  expect(blocks).not.toContain('run alternately');
});
