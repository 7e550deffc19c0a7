/**
 * datapackage.json: valid against the official Data Package v2 profile (vendor/frictionless/2.0) and
 * against stricter hand-written rules of the v2 specifications that the profile does not check (see
 * datapackage-v2-rules.ts), describing every file with its bytes and hash, and every declared
 * foreign key resolves in the data, in CSV and Parquet.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats, { type FormatsPlugin } from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  version as datasetVersion,
  citation,
  claimsTableSchema,
  formatCitation,
} from '@encrochat-ledger/dataset';
import { checkSemantics, dataPackageV2Rules } from './datapackage-v2-rules.js';
import {
  appRoot,
  normaliseParquetValue,
  readCsv,
  readParquetHyparquet,
  runCli,
  tempDir,
  typedCsvValue,
} from './helpers.js';
import type { Column } from '../src/tables.js';

type Field = { name: string; type: Column['type'] };
type ForeignKey = { fields: string[]; reference: { resource?: string; fields: string[] } };
type Resource = {
  name: string;
  path: string;
  format?: string;
  bytes?: number;
  hash?: string;
  schema?: { fields: Field[]; primaryKey: string[]; foreignKeys?: ForeignKey[] };
};
type Descriptor = { resources: Resource[]; [k: string]: unknown };

const tmp = tempDir('datapackage');
const exports = {
  full: path.join(tmp.dir, 'full'),
  filtered: path.join(tmp.dir, 'filtered'),
};

beforeAll(() => {
  for (const [name, args] of [
    ['full', []],
    [
      'filtered',
      ['--metric', 'arrests,cash_seized', '--source-kind', 'news-article', '--since', '2021-01-01'],
    ],
  ] as const) {
    const result = runCli(['--out', exports[name], ...args]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }
});
afterAll(() => tmp.remove());

const descriptorOf = (dir: string): Descriptor =>
  JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as Descriptor;

/** The official profile, vendored unchanged at the repository's root (vendor/frictionless/README.md). */
function officialProfile() {
  const profile = JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../vendor/frictionless/2.0/datapackage.json'),
      'utf8',
    ),
  );
  const ajv = new Ajv({ allErrors: true, strict: false });
  const formats = addFormats as unknown as { default?: FormatsPlugin } & FormatsPlugin;
  (formats.default ?? formats)(ajv);
  ajv.addFormat('textarea', true);
  return ajv.compile(profile);
}

function createValidator() {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  const formats = addFormats as unknown as { default?: FormatsPlugin } & FormatsPlugin;
  (formats.default ?? formats)(ajv, ['uri', 'email', 'date-time']);
  return ajv.compile(dataPackageV2Rules);
}

/** Rows of a resource as typed values, read by an independent reader (csv-parse or hyparquet). */
async function readResource(dir: string, resource: Resource): Promise<Record<string, unknown>[]> {
  const fields = resource.schema!.fields;
  if (resource.format === 'csv') {
    const { header, records } = readCsv(path.join(dir, resource.path));
    expect(header).toEqual(fields.map((f) => f.name));
    return records.map((r) =>
      Object.fromEntries(
        fields.map((f, i) => [
          f.name,
          typedCsvValue(r[i]!, { name: f.name, type: f.type, description: '' }),
        ]),
      ),
    );
  }
  const { rows } = await readParquetHyparquet(path.join(dir, resource.path));
  return rows.map((r) =>
    Object.fromEntries(fields.map((f) => [f.name, normaliseParquetValue(r[f.name])])),
  );
}

describe.each(Object.entries(exports))('%s export', (_label, dir) => {
  it('datapackage.json is valid against the official Data Package v2 profile', () => {
    const validate = officialProfile();
    expect(validate(descriptorOf(dir)), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(validate({ resources: 'not a list' })).toBe(false);
  });

  it('datapackage.json passes the structural rules of Data Package v2 (hand-written, not the official profile)', () => {
    const validate = createValidator();
    const descriptor = descriptorOf(dir);
    expect(validate(descriptor), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(checkSemantics(descriptor as never)).toEqual([]);
  });

  it('describes every file but itself and SHA256SUMS, with exact bytes and sha256', () => {
    const descriptor = descriptorOf(dir);
    const described = descriptor.resources.map((r) => r.path).sort();
    expect(described).toEqual(
      fs
        .readdirSync(dir)
        .filter((f) => f !== 'datapackage.json' && f !== 'SHA256SUMS')
        .sort(),
    );
    for (const r of descriptor.resources) {
      const bytes = fs.readFileSync(path.join(dir, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(
        `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`,
      );
    }
  });

  it('carries the dataset version, the licence, sources and no wall-clock timestamp', () => {
    const d = descriptorOf(dir);
    expect(d.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(d.version).toBe(datasetVersion);
    expect(d.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0' })]);
    expect(d.sources).toEqual([
      expect.objectContaining({ title: `@encrochat-ledger/dataset ${datasetVersion}` }),
    ]);
    expect(d).not.toHaveProperty('created');
  });

  it('the claims resources use the dataset package Table Schema fields', () => {
    for (const r of descriptorOf(dir).resources.filter((x) => x.name.startsWith('claims-'))) {
      // The JSON table's arrays are, in CSV, strings of `;`-joined values.
      const inFormat = (type: string) => (type === 'array' && r.format === 'csv' ? 'string' : type);
      expect(r.schema!.fields.map((f) => [f.name, f.type])).toEqual(
        claimsTableSchema.fields.map((f) => [f.name, inFormat(f.type)]),
      );
      expect(r.schema!.primaryKey).toEqual(claimsTableSchema.primaryKey);
    }
  });

  it('SHA256SUMS lists every other file with its digest (checked by sha256sum -c when installed, and here)', () => {
    const lines = fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const listed = lines.map((l) => l.split('  ')[1]);
    expect(listed).toEqual(
      fs
        .readdirSync(dir)
        .filter((f) => f !== 'SHA256SUMS')
        .sort(),
    );
    for (const line of lines) {
      const [digest, file] = line.split('  ') as [string, string];
      expect(
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, file)))
          .digest('hex'),
        file,
      ).toBe(digest);
    }
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (!check.error) expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('every primary key is unique and every declared foreign key resolves, in CSV and in Parquet', async () => {
    const descriptor = descriptorOf(dir);
    const data = new Map<string, Record<string, unknown>[]>();
    for (const r of descriptor.resources)
      if (r.schema) data.set(r.name, await readResource(dir, r));
    let checked = 0;
    for (const r of descriptor.resources) {
      if (!r.schema) continue;
      const rows = data.get(r.name)!;
      const keys = rows.map((row) => JSON.stringify(r.schema!.primaryKey.map((k) => row[k])));
      expect(new Set(keys).size, `${r.name} primary key`).toBe(rows.length);
      for (const fk of r.schema.foreignKeys ?? []) {
        const targetName = fk.reference.resource ?? r.name;
        expect(
          targetName.endsWith(`-${r.format}`),
          `${r.name} references ${targetName} of the same format`,
        ).toBe(true);
        const target = data.get(targetName)!;
        const present = new Set(
          target.map((row) => JSON.stringify(fk.reference.fields.map((f) => row[f]))),
        );
        for (const row of rows) {
          const values = fk.fields.map((f) => row[f]);
          if (values.some((v) => v === null)) continue;
          expect(
            present.has(JSON.stringify(values)),
            `${r.name}.${fk.fields.join(',')} = ${JSON.stringify(values)} in ${targetName}`,
          ).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('the hand-written v2 rules are not vacuous', () => {
  const validate = createValidator();
  const base = (): Descriptor => descriptorOf(exports.full);
  const mutate = (change: (d: Descriptor) => void) => {
    const d = base();
    change(d);
    return d;
  };

  it('accepts the real descriptor', () => expect(validate(base())).toBe(true));

  it.each([
    ['no resources', (d: Descriptor) => void (d.resources = [])],
    [
      'a resource without a name',
      (d: Descriptor) => void delete (d.resources[0] as Partial<Resource>).name,
    ],
    [
      'a resource with both path and data',
      (d: Descriptor) => void Object.assign(d.resources[0]!, { data: [] }),
    ],
    ['an absolute path', (d: Descriptor) => void (d.resources[0]!.path = '/etc/passwd')],
    ['a path with ..', (d: Descriptor) => void (d.resources[0]!.path = 'data/../../secret.csv')],
    ['a malformed hash', (d: Descriptor) => void (d.resources[0]!.hash = 'sha256:not-hex')],
    ['a negative size', (d: Descriptor) => void (d.resources[0]!.bytes = -1)],
    [
      'an unknown field type',
      (d: Descriptor) => void (d.resources[0]!.schema!.fields[0]!.type = 'text' as never),
    ],
    ['a table resource without schema', (d: Descriptor) => void delete d.resources[0]!.schema],
    [
      'an item type on a non-list field',
      (d: Descriptor) =>
        void Object.assign(d.resources[0]!.schema!.fields[0]!, { itemType: 'string' }),
    ],
    [
      'a licence with neither name nor path',
      (d: Descriptor) => void (d.licenses = [{ title: 'x' }]),
    ],
    [
      'a v1 profile',
      (d: Descriptor) => void (d.$schema = 'https://datapackage.org/profiles/1.0/datapackage.json'),
    ],
  ])('rejects %s', (_name, change) => {
    expect(validate(mutate(change))).toBe(false);
  });

  it.each([
    [
      'duplicate resource names',
      (d: Descriptor) => void (d.resources[1]!.name = d.resources[0]!.name),
      'is not unique',
    ],
    [
      'a foreign key to an unknown resource',
      (d: Descriptor) =>
        void (d.resources[0]!.schema!.foreignKeys![0]!.reference.resource = 'nowhere-csv'),
      'unknown resource',
    ],
    [
      'a foreign key to an unknown field',
      (d: Descriptor) =>
        void (d.resources[0]!.schema!.foreignKeys![0]!.reference.fields = ['nope']),
      'not a field',
    ],
    [
      'a primary key on an unknown field',
      (d: Descriptor) => void (d.resources[0]!.schema!.primaryKey = ['nope']),
      'primaryKey',
    ],
  ])('semantic check reports %s', (_name, change, message) => {
    expect(checkSemantics(mutate(change) as never).join('\n')).toContain(message);
  });
});

describe('the citation', () => {
  it('the README cites the release in the one form of CITATION.cff (text and BibTeX); datapackage.json names its authors', () => {
    const readme = fs.readFileSync(path.join(exports.full, 'README.md'), 'utf8');
    expect(readme).toContain(`\n> ${formatCitation(datasetVersion)}\n`);
    expect(readme).toContain(
      `\n\`\`\`bibtex\n${formatCitation(datasetVersion, { format: 'bibtex' })}\n\`\`\`\n`,
    );
    // The package's citation is CITATION.cff's (its drift is tested in packages/dataset).
    const cff = fs.readFileSync(path.join(appRoot, '..', '..', 'CITATION.cff'), 'utf8');
    expect(cff).toContain(`  title: '${citation.title}'`);
    expect(cff).toContain(`    - name: ${citation.authors[0]!.name}`);
    expect(readme).not.toMatch(/maintainers/);
    expect(descriptorOf(exports.full).contributors).toEqual(
      citation.authors.map((a) => ({ title: a.name, roles: ['creator'] })),
    );
  });
});
