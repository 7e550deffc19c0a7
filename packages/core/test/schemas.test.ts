/** Where the schemas are found, and the copy the package ships for installs outside the repository. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { defaultSchemasDir, readSchemas, SCHEMA_VERSION } from '../src/schemas.js';

const repoSchemas = path.resolve(import.meta.dirname, '../../../schemas', SCHEMA_VERSION);

it("finds the repository's schemas when run from the repository", () => {
  expect(defaultSchemasDir()).toBe(repoSchemas);
  expect(readSchemas().map((s) => s.file)).toEqual(
    fs
      .readdirSync(repoSchemas)
      .filter((f) => f.endsWith('.schema.json'))
      .sort(),
  );
});

it('ships exactly the published schemas (dist/schemas, built by turbo before the tests)', () => {
  const built = path.join(import.meta.dirname, '..', 'dist', 'schemas', SCHEMA_VERSION);
  const files = fs.readdirSync(repoSchemas).sort();
  expect(fs.readdirSync(built).sort()).toEqual(files);
  for (const f of files)
    expect(fs.readFileSync(path.join(built, f), 'utf8')).toBe(
      fs.readFileSync(path.join(repoSchemas, f), 'utf8'),
    );
});
