/**
 * How long each step of a validation took (`--timings`), for rule authors and for the benchmarks:
 * reading, each rule, locating the findings. A step's scope says whether it could be split across
 * cores: `file` and `record` steps look at one file or record at a time; `dataset` steps need every
 * record at once.
 */
export type TimingScope = 'read' | 'file' | 'record' | 'dataset' | 'report';

export interface Timing {
  /** A rule code, or what the engine did (reading, indexing, locating). */
  step: string;
  scope: TimingScope;
  ms: number;
}

export const TIMING_SCOPES: readonly TimingScope[] = [
  'read',
  'file',
  'record',
  'dataset',
  'report',
];

/** Adds up the time of each step; `run` runs a step and counts its time (steps run more than once, per file, add up). */
export class Timings {
  private readonly steps = new Map<string, Timing>();

  /** `now` reads the clock in milliseconds (the tests pass a clock they move themselves). */
  constructor(readonly now: () => number = () => performance.now()) {}

  run<T>(step: string, scope: TimingScope, work: () => T): T {
    const started = this.now();
    try {
      return work();
    } finally {
      this.since(step, scope, started);
    }
  }

  /** Counts the time from `started` (a reading of `now`) to now as `step`. */
  since(step: string, scope: TimingScope, started: number): void {
    const ms = this.now() - started;
    const timing = this.steps.get(step);
    if (timing) timing.ms += ms;
    else this.steps.set(step, { step, scope, ms });
  }

  /** The steps, slowest first. */
  list(): Timing[] {
    return [...this.steps.values()].sort((a, b) => b.ms - a.ms || (a.step < b.step ? -1 : 1));
  }
}

/** Runs `work` as a step of `timings`, or just runs it when no timings are kept. */
export const timed = <T>(
  timings: Timings | null,
  step: string,
  scope: TimingScope,
  work: () => T,
): T => (timings ? timings.run(step, scope, work) : work());

/**
 * The timings as text for stderr: the total by scope, then each step, slowest first. Lines of steps
 * are `<ms> ms  <scope>  <step>`, which the benchmarks read back.
 */
export function formatTimings(
  timings: readonly Timing[],
  titles: ReadonlyMap<string, string>,
): string {
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
  const lines = [
    `timings: ${total.toFixed(1)} ms in the steps below (Node's start and the loading of the validator not counted)`,
    'by scope:',
  ];
  for (const scope of TIMING_SCOPES) {
    const sum = timings.filter((t) => t.scope === scope).reduce((s, t) => s + t.ms, 0);
    if (sum > 0) lines.push(`${ms(sum)}  ${scope}`);
  }
  lines.push('by step:');
  for (const t of timings)
    lines.push(
      `${ms(t.ms)}  ${t.scope.padEnd(7)}  ${t.step}${titles.has(t.step) ? ` (${titles.get(t.step)})` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
