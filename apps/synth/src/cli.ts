/** npm run synth -- --claims N --out DIR [--seed S]: writes a synthetic dataset (default 100,000 claims). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { synthesise } from './synth.js';

const Args = z.object({
  claims: z.coerce
    .number()
    .int('--claims must be a whole number')
    .min(1, '--claims must be at least 1')
    .max(10_000_000)
    .default(100_000),
  out: z.string().min(1, '--out DIR is required'),
  seed: z.coerce.number().int().default(20200702),
});

const repoData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

try {
  const { values } = parseArgs({
    options: { claims: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const started = performance.now();
  const result = synthesise({
    claims: parsed.data.claims,
    outDir: path.resolve(parsed.data.out),
    seed: parsed.data.seed,
    vocabularyDir: repoData,
  });
  console.log(
    `synthetic dataset: ${result.claims.toLocaleString('en-GB')} claims in ${result.sources.toLocaleString('en-GB')} sources, ${result.files.toLocaleString('en-GB')} files -> ${parsed.data.out} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
} catch (error) {
  console.error(
    `synth: ${(error as Error).message} (usage: npm run synth -- --claims N --out DIR [--seed S])`,
  );
  process.exit(2);
}
