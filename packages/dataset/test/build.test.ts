import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats, { type FormatsPlugin } from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { buildDataset } from '../build/build.js';
import { generateTypes, typesFile } from '../build/generate-types.js';
import { DataError } from '../build/load-data.js';
import { dataDir, distDir, packageRoot } from '../build/paths.js';

function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else
        out.set(
          path.relative(dir, full),
          crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'),
        );
    }
  };
  walk(dir);
  return out;
}

const tmp = tempDir('build');

describe('dataset build', () => {
  let first: Map<string, string>;
  beforeAll(async () => {
    await buildDataset({ outDir: path.join(tmp, 'a') });
    await buildDataset({ outDir: path.join(tmp, 'b') });
    first = filesOf(path.join(tmp, 'a'));
  }, 120_000);

  it('gives identical bytes when run twice', () => {
    expect(first.size).toBeGreaterThan(20);
    expect(filesOf(path.join(tmp, 'b'))).toEqual(first);
  });

  it('matches the committed dist/ built by turbo (no drift between the build and the package)', () => {
    expect(filesOf(distDir)).toEqual(first);
  });

  it('keeps the committed generated types in step with the schemas', async () => {
    expect(fs.readFileSync(typesFile, 'utf8')).toBe(await generateTypes());
    expect(fs.readFileSync(typesFile, 'utf8')).toMatch(
      /^\/\* eslint-disable \*\/\n\/\*\*\n \* GENERATED FILE — DO NOT EDIT\./,
    );
  });

  it('writes a datapackage.json and Table Schemas valid against the official Data Package v2 profiles', () => {
    const profile = (name: string) => {
      const ajv = new Ajv({ allErrors: true, strict: false });
      // ajv-formats is CommonJS: depending on the loader the plugin is the module or its default.
      const formats = addFormats as unknown as { default?: FormatsPlugin } & FormatsPlugin;
      (formats.default ?? formats)(ajv);
      ajv.addFormat('textarea', true);
      return ajv.compile(
        JSON.parse(
          fs.readFileSync(
            path.resolve(packageRoot, `../../vendor/frictionless/2.0/${name}`),
            'utf8',
          ),
        ),
      );
    };
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(tmp, 'a', file), 'utf8'));
    const dataPackage = profile('datapackage.json');
    expect(dataPackage(read('datapackage.json')), JSON.stringify(dataPackage.errors)).toBe(true);
    const tableSchema = profile('tableschema.json');
    for (const file of ['claims-table.schema.json', 'latest.schema.json'])
      expect(tableSchema(read(file)), `${file}: ${JSON.stringify(tableSchema.errors)}`).toBe(true);
  });

  it('writes a datapackage.json whose bytes and hashes match every file it lists', () => {
    const dir = path.join(tmp, 'a');
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
    const { version } = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
    expect(pkg.version).toBe(version);
    expect(pkg.resources.length).toBe(11);
    for (const r of pkg.resources) {
      const bytes = fs.readFileSync(path.join(dir, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(
        `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`,
      );
    }
    for (const name of ['claims-table', 'latest']) {
      const table = pkg.resources.find((r: { name: string }) => r.name === name);
      const schema = JSON.parse(fs.readFileSync(path.join(dir, table.schema), 'utf8'));
      const rows = JSON.parse(fs.readFileSync(path.join(dir, table.path), 'utf8'));
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows)
        expect(Object.keys(row), name).toEqual(schema.fields.map((f: { name: string }) => f.name));
    }
  });

  it('ships the published schemas unchanged', () => {
    const dir = path.join(tmp, 'a', 'schemas', '1.0');
    for (const file of fs.readdirSync(dir))
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(
        fs.readFileSync(path.join(packageRoot, '..', '..', 'schemas', '1.0', file), 'utf8'),
      );
  });
});

describe('the build refuses bad data', () => {
  function brokenCopy(edit: (root: string) => void): string {
    const root = fs.mkdtempSync(path.join(tmp, 'data-'));
    fs.cpSync(dataDir, root, { recursive: true });
    edit(root);
    return root;
  }

  it('names the file, the location and the fix for a schema error, and writes nothing', async () => {
    const dataRoot = brokenCopy((root) => {
      const file = path.join(root, 'metrics', 'arrests.json');
      const record = JSON.parse(fs.readFileSync(file, 'utf8'));
      record.units = ['tonnes'];
      fs.writeFileSync(file, JSON.stringify(record));
    });
    const outDir = path.join(tmp, 'refused');
    const error = await buildDataset({ dataRoot, outDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const problem = (error as DataError).problems[0]!;
    expect(problem).toMatchObject({
      file: expect.stringMatching(/metrics\/arrests\.json$/),
      pointer: '/units/0',
    });
    expect(problem.message).toContain('must be one of');
    expect(problem.hint).toContain('metric.schema.json');
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('refuses the files the validator refuses (read with @encrochat-ledger/core), each problem located', async () => {
    const dataRoot = brokenCopy((root) => {
      fs.writeFileSync(
        path.join(root, 'places', 'france.json'),
        '{\n  "id": "france",\n  "id": "france",\n  "name": "France",\n  "kind": "country"\n}\n',
      );
      fs.mkdirSync(path.join(root, 'places', 'old'));
      fs.writeFileSync(path.join(root, 'places', 'old', 'gaul.json'), '{}\n');
    });
    const error = await buildDataset({ dataRoot, outDir: path.join(tmp, 'refused-reader') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/places\/france\.json$/),
        pointer: '/id',
        line: 3,
        column: 3,
        message: expect.stringContaining('key "id" appears twice'),
      }),
      expect.objectContaining({
        file: expect.stringMatching(/places\/old\/gaul\.json$/),
        message: expect.stringContaining('cannot tell which collection'),
      }),
    ]);
  });

  it('reports invalid JSON with line and column, without a stack trace, and exits 1', () => {
    const dataRoot = brokenCopy((root) =>
      fs.writeFileSync(
        path.join(root, 'places', 'france.json'),
        '{\n  "id": "france",\n  "name": "France"\n  "kind": "country"\n}\n',
      ),
    );
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(packageRoot, 'build', 'build.ts'),
        '--data',
        dataRoot,
        '--out',
        path.join(tmp, 'refused-cli'),
      ],
      {
        cwd: packageRoot,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/places\/france\.json: invalid JSON at line 4, column 3/);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(fs.existsSync(path.join(tmp, 'refused-cli'))).toBe(false);
  });

  it('rejects unknown arguments with a usage line and exit 2', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(packageRoot, 'build', 'build.ts'), '--colour', 'red'],
      { cwd: packageRoot, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('usage: build');
  });
});
