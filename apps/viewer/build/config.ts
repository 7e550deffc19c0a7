/**
 * The Vite configuration of the viewer, as a function of where the data comes from, so the tests
 * can build sites from other datasets (a hostile fixture, 100,000 synthetic claims).
 *
 * Environment (checked with zod):
 * - `VIEWER_DATASET`: the bundle `data.json` to show (with `claims-table.json` beside it, as the
 *   dataset build writes them); default: the one of the installed `@encrochat-ledger/dataset`.
 * - `VIEWER_EXPORTS`: the exporter's output folder, copied to `downloads/`; default `exports/` at the
 *   repository root (skipped when absent).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import { z } from 'zod';
import { writeSiteData, type SiteDataInput } from './site-data.js';

export const viewerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(viewerRoot, '../..');

export interface ViewerOptions extends SiteDataInput {
  /** Where to write the site (default `dist/`). */
  outDir?: string;
}

/** The dataset package's folder (its `dist/data.json`, and `CHANGELOG.md` once released). */
export function datasetPackageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@encrochat-ledger/dataset/package.json'));
}

const Env = z.object({
  VIEWER_DATASET: z
    .string()
    .min(1)
    .refine(
      (v) => v.endsWith('.json'),
      'VIEWER_DATASET must name a bundle file such as path/to/data.json',
    )
    .optional(),
  VIEWER_EXPORTS: z.string().min(1, 'VIEWER_EXPORTS must name a folder').optional(),
});

/** The build options from the environment (see the top of this file). */
export function optionsFromEnv(env: Record<string, string | undefined>): ViewerOptions {
  const parsed = Env.safeParse({
    VIEWER_DATASET: env.VIEWER_DATASET || undefined,
    VIEWER_EXPORTS: env.VIEWER_EXPORTS || undefined,
  });
  if (!parsed.success)
    throw new Error(`viewer build: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const packageDir = datasetPackageDir();
  return {
    dataset: path.resolve(parsed.data.VIEWER_DATASET ?? path.join(packageDir, 'dist', 'data.json')),
    exportsDir: path.resolve(parsed.data.VIEWER_EXPORTS ?? path.join(repoRoot, 'exports')),
    changelog: path.join(packageDir, 'CHANGELOG.md'),
  };
}

/** Writes the data files into the site once Vite has written the code. */
function siteData(options: SiteDataInput): Plugin {
  return {
    name: 'encrochat-ledger-site-data',
    apply: 'build',
    writeBundle(output) {
      const outDir = output.dir!;
      const { bytes, claims } = writeSiteData(outDir, options);
      this.info(
        `data/dataset.json: ${claims.toLocaleString('en-GB')} claims, ${(bytes / 1e6).toFixed(1)} MB (from ${path.relative(process.cwd(), options.dataset)})`,
      );
    },
  };
}

export function viewerConfig(options: ViewerOptions): UserConfig {
  return {
    root: viewerRoot,
    base: './',
    publicDir: path.join(viewerRoot, 'public'),
    build: {
      outDir: options.outDir ?? path.join(viewerRoot, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      // No inline scripts or data: URLs: the CSP allows only same-origin files.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      rolldownOptions: {
        // Writing the data file of 100,000 claims takes seconds, by design: no timing warning for it.
        checks: { bundlerTimings: false },
        treeshake: {
          // @encrochat-ledger/dataset embeds its data and opens it at load time; the viewer uses only
          // its functions and loads the data as a file, so let the bundler drop the embedded copy.
          manualPureFunctions: ['openDataset', 'JSON.parse'],
          propertyReadSideEffects: false,
        },
      },
    },
    plugins: [siteData(options)],
  };
}
