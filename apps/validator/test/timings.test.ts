/** The step timer behind --timings. */
import { expect, it } from 'vitest';
import { formatTimings, timed, Timings } from '../src/timings.js';

// A clock the test moves itself: `busy(ms)` is work that took `ms`, whatever the machine is doing.
let time = 0;
const busy = (ms: number) => {
  time += ms;
};

it('adds up the runs of a step, keeps its scope, and counts a step that throws', () => {
  const clock = new Timings(() => time);
  for (let i = 0; i < 3; i++) expect(timed(clock, 'JSON002', 'file', () => (busy(2), i))).toBe(i);
  const failing = () => {
    busy(5);
    throw new Error('boom');
  };
  expect(() => clock.run('CONS004', 'dataset', failing)).toThrow('boom');
  const [slowest, next] = clock.list();
  expect(slowest!.step).toBe('JSON002');
  expect(slowest!.scope).toBe('file');
  expect(slowest!.ms).toBe(6);
  expect(next!.step).toBe('CONS004');
  expect(next!.ms).toBe(5);
  expect(clock.list()).toHaveLength(2);
});

it('runs the work untimed without a clock', () => {
  expect(timed(null, 'x', 'read', () => 42)).toBe(42);
});

it('prints the total by scope, then each step with its title', () => {
  const text = formatTimings(
    [
      { step: 'CONS004', scope: 'dataset', ms: 30 },
      { step: 'decoding and parsing', scope: 'read', ms: 20.04 },
      { step: 'SCHEMA001', scope: 'record', ms: 10 },
      { step: 'REF001', scope: 'dataset', ms: 5 },
    ],
    new Map([['CONS004', 'Sources disagree']]),
  );
  expect(text).toBe(
    [
      "timings: 65.0 ms in the steps below (Node's start and the loading of the validator not counted)",
      'by scope:',
      '    20.0 ms  read',
      '    10.0 ms  record',
      '    35.0 ms  dataset',
      'by step:',
      '    30.0 ms  dataset  CONS004 (Sources disagree)',
      '    20.0 ms  read     decoding and parsing',
      '    10.0 ms  record   SCHEMA001',
      '     5.0 ms  dataset  REF001',
      '',
    ].join('\n'),
  );
});
