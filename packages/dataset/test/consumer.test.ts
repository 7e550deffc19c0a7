/**
 * The package as a user gets it: `npm pack`, install the tarball into an empty project, then use it
 * from ESM, CommonJS, a bundler and TypeScript; publint and @arethetypeswrong/cli must find no problem.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { distDir, packageRoot, repoRoot } from '../build/paths.js';
import { formatCitation } from '../src/citation.js';

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const work = tempDir('consumer');
const project = path.join(work, 'project');
let tarball = '';

const built = JSON.parse(fs.readFileSync(path.join(distDir, 'data.json'), 'utf8'));
const latestRows = JSON.parse(
  fs.readFileSync(path.join(distDir, 'latest.json'), 'utf8'),
) as unknown[];
const expected = {
  version: built.version,
  sources: built.sources.length,
  claims: built.sources.reduce((n: number, s: { claims: unknown[] }) => n + s.claims.length, 0),
  metrics: built.metrics.length,
  citation: formatCitation(built.version),
};

function run(cmd: string, args: string[], cwd = project): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  const out = run('npm', ['pack', '--json', '--pack-destination', work], packageRoot);
  tarball = path.join(work, JSON.parse(out)[0].filename);
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }),
  );
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
}, 120_000);

describe('installed from the packed tarball', () => {
  it('ships dist/ and no sources, tests or build scripts', () => {
    const files = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], packageRoot))[0].files.map(
      (f: { path: string }) => f.path,
    );
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.cjs');
    expect(files).toContain('dist/types/index.d.ts');
    expect(files).toContain('dist/types/index.d.cts');
    expect(files).toContain('dist/datapackage.json');
    expect(files).toContain('dist/schemas/1.0/source.schema.json');
    expect(files.filter((f: string) => /^(src|build|test)\//.test(f))).toEqual([]);
  });

  it('maps every subpath of exports in typesVersions too, so TypeScript finds it under node10', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
    const subpaths = Object.entries(pkg.exports as Record<string, unknown>)
      .filter(([key]) => key !== '.' && key !== './package.json')
      .map(([key, target]) => [key.slice(2), [String(target).slice(2)]]);
    expect(subpaths.length).toBeGreaterThan(5);
    expect(pkg.typesVersions).toEqual({ '*': Object.fromEntries(subpaths) });
  });

  it('has no runtime dependencies', () => {
    const pkg = JSON.parse(
      fs.readFileSync(
        path.join(project, 'node_modules/@encrochat-ledger/dataset/package.json'),
        'utf8',
      ),
    );
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('has entry points that import nothing (the build uses @encrochat-ledger/core; the package does not)', async () => {
    for (const file of ['index.js', 'index.cjs']) {
      const { metafile } = await build({
        entryPoints: [path.join(distDir, file)],
        bundle: true,
        write: false,
        metafile: true,
        external: ['*'],
        platform: 'neutral',
        logLevel: 'silent',
      });
      expect(
        Object.values(metafile.inputs).flatMap((input) => input.imports.map((i) => i.path)),
        file,
      ).toEqual([]);
    }
  });

  const probe = `({ version: m.version, sources: m.sources.length, claims: m.claims.length, metrics: m.metricsById.size, table: m.claimsTable.length, latest: m.latestTable.length, citation: m.formatCitation(m.version), firstClaimSource: m.claims[0] ? m.sourcesById.get(m.claims[0].source_id).id === m.claims[0].source_id : true })`;

  it('imports from ESM', () => {
    fs.writeFileSync(
      path.join(project, 'esm.mjs'),
      `import * as m from '@encrochat-ledger/dataset';\nimport schema from '@encrochat-ledger/dataset/schemas/1.0/source.schema.json' with { type: 'json' };\nimport latest from '@encrochat-ledger/dataset/latest.json' with { type: 'json' };\nconsole.log(JSON.stringify({ ...${probe}, schemaId: schema.$id, latestJson: latest.length }));\n`,
    );
    const result = JSON.parse(run('node', ['esm.mjs']));
    expect(result).toEqual({
      ...expected,
      metrics: expected.metrics,
      table: expected.claims,
      latest: latestRows.length,
      firstClaimSource: true,
      schemaId: 'https://encrochat-ledger.org/schemas/1.0/source.schema.json',
      latestJson: latestRows.length,
    });
  });

  it('requires from CommonJS', () => {
    fs.writeFileSync(
      path.join(project, 'cjs.cjs'),
      `const m = require('@encrochat-ledger/dataset');\nconst dp = require('@encrochat-ledger/dataset/datapackage.json');\nconsole.log(JSON.stringify({ ...${probe}, dp: dp.name }));\n`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs']))).toEqual({
      ...expected,
      table: expected.claims,
      latest: latestRows.length,
      firstClaimSource: true,
      dp: 'encrochat-ledger',
    });
  });

  it('bundles for the browser with a bundler (esbuild)', async () => {
    fs.writeFileSync(
      path.join(project, 'app.js'),
      `import { claims, version } from '@encrochat-ledger/dataset';\nglobalThis.result = { version, claims: claims.length };\n`,
    );
    await build({
      entryPoints: [path.join(project, 'app.js')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      outfile: path.join(project, 'app.bundle.js'),
      absWorkingDir: project,
      logLevel: 'silent',
    });
    const code = fs.readFileSync(path.join(project, 'app.bundle.js'), 'utf8');
    expect(code).not.toMatch(/require\(["']fs["']\)|from ["']node:/);
    const sandbox: { result?: unknown } = {};
    new Function('globalThis', code)(sandbox);
    expect(sandbox.result).toEqual({ version: expected.version, claims: expected.claims });
  });

  it('type-checks a TypeScript consumer (ESM and CJS), and the types are not `any`', () => {
    fs.writeFileSync(
      path.join(project, 'consumer.mts'),
      `import { dataset, claims, sources, claimsTable, claimsById, latestTable } from '@encrochat-ledger/dataset';
import type { Claim, Source, Qualifier, ClaimsTableRow, LatestRow } from '@encrochat-ledger/dataset';
const first: Claim | undefined = claims[0];
const q: Qualifier | undefined = first?.qualifier;
const s: readonly Source[] = sources;
const row: ClaimsTableRow | undefined = claimsTable[0];
const value: number | null | undefined = row?.value;
const v: string = dataset.version;
const byId = claimsById.get('x')?.source_id;
const headline: LatestRow | undefined = latestTable[0];
const kind: string | undefined = headline?.headline_kind;
// @ts-expect-error a claim has no "amount" field
const wrong = first?.amount;
export { q, s, value, v, byId, kind, wrong };
`,
    );
    fs.writeFileSync(
      path.join(project, 'consumer.cts'),
      `import ledger = require('@encrochat-ledger/dataset');
const unit: ledger.Unit | undefined = ledger.claims[0]?.unit;
// @ts-expect-error metric ids are strings, not numbers
const n: number = ledger.claims[0]!.metric;
export = { unit, n };
`,
    );
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          types: [],
        },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
    expect(() =>
      run('node', [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']),
    ).not.toThrow();
  });

  it('type-checks a TypeScript consumer with the old node10 resolution: the JSON subpaths, the citation', () => {
    const dir = path.join(project, 'node10');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'consumer.ts'),
      `import ledger = require('@encrochat-ledger/dataset');
// The small JSON files: TypeScript infers a type from each file it imports (data.json is large).
import datapackage = require('@encrochat-ledger/dataset/datapackage.json');
import claimSchema = require('@encrochat-ledger/dataset/schemas/1.0/claim.schema.json');
import networks = require('@encrochat-ledger/dataset/collections/networks.json');
const cite: string = ledger.formatCitation(datapackage.version, { format: 'bibtex' });
const id: string = claimSchema.$id;
const n: number = networks.length;
// @ts-expect-error the package's version is a string
const wrong: number = datapackage.version;
export = { cite, id, n, wrong };
`,
    );
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'commonjs',
          moduleResolution: 'node10',
          resolveJsonModule: true,
          target: 'es2022',
          noEmit: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    expect(() =>
      run(
        'node',
        [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
        dir,
      ),
    ).not.toThrow();
  });

  it('passes publint with no messages', async () => {
    const bytes = fs.readFileSync(tarball);
    const { messages } = await publint({
      strict: true,
      pack: {
        tarball: bytes.buffer.slice(
          bytes.byteOffset,
          bytes.byteOffset + bytes.byteLength,
        ) as ArrayBuffer,
      },
    });
    expect(messages).toEqual([]);
  });

  it('passes @arethetypeswrong/cli with no problems, every subpath included (JSON files and one file of each wildcard)', () => {
    const out = (() => {
      try {
        return run(
          bin('attw'),
          [
            tarball,
            '--format',
            'json',
            '--include-entrypoints',
            './schemas/1.0/claim.schema.json',
            './collections/sources.json',
          ],
          work,
        );
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    })();
    const report = JSON.parse(out);
    expect(report.analysis?.types).toBeTruthy();
    const problems = report.problems ?? {};
    expect(Array.isArray(problems) ? problems : Object.values(problems).flat()).toEqual([]);
    const resolved = report.analysis.entrypoints as Record<
      string,
      { resolutions: Record<string, { resolution?: { fileName?: string } }> }
    >;
    expect(resolved['./data.json']!.resolutions.node10!.resolution?.fileName).toMatch(
      /\/dist\/data\.json$/,
    );
    expect(
      resolved['./schemas/1.0/claim.schema.json']!.resolutions.node10!.resolution?.fileName,
    ).toMatch(/\/dist\/schemas\/1\.0\/claim\.schema\.json$/);
  });
});
