/**
 * Test hook: ENCROCHAT_EXPORT_SLOW_MS=<ms> makes the writer pause that long after each file, so a
 * test can kill the CLI reliably in the middle of an export (see test/atomic.test.ts). Unset in
 * normal use; parsed with zod like every other input that is not the dataset.
 */
import { z } from 'zod';
import { UsageError } from './errors.js';

export const SLOW_ENV = 'ENCROCHAT_EXPORT_SLOW_MS';

const Delay = z.coerce.number().int().min(0).max(600_000);

/** The pause after each written file, in milliseconds (0 when the hook is off). */
export function slowWriterDelay(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[SLOW_ENV];
  if (raw === undefined || raw === '') return 0;
  const parsed = Delay.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(
      `${SLOW_ENV} must be a whole number of milliseconds from 0 to 600000 (got "${raw}"); it is a test hook, unset it`,
    );
  return parsed.data;
}
