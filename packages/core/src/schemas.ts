/**
 * The published JSON Schemas (draft 2020-12): where they are, reading them, Ajv set up with them
 * and their formats, and the validators Ajv compiled from them at build time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { addFormats, formats } from './formats.js';
import { schemaValidators } from './generated/schema-validators.js';

export type { Ajv2020, ValidateFunction };

export const SCHEMA_VERSION = '1.0';
export const SCHEMA_BASE = `https://encrochat-ledger.org/schemas/${SCHEMA_VERSION}/`;

/**
 * The folder of the published schemas: the repository's `schemas/<version>/` when run from the
 * repository, else the byte-identical copy this package ships (`dist/schemas/`, checked by a test).
 */
export function defaultSchemasDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../../schemas', SCHEMA_VERSION),
    path.resolve(here, 'schemas', SCHEMA_VERSION),
    path.resolve(here, '../dist/schemas', SCHEMA_VERSION),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'source.schema.json')));
  if (!found) throw new Error(`cannot find the JSON Schemas (looked in ${candidates.join(', ')})`);
  return found;
}

export function readSchemas(
  dir = defaultSchemasDir(),
): { file: string; schema: Record<string, unknown> }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

/** Ajv (JSON Schema 2020-12) with the published schemas, the `uri`/`date` formats and `edtf` checked by a real EDTF parser. */
export function createAjv(
  dir?: string,
  {
    allErrors = true,
    standaloneCode = false,
  }: { allErrors?: boolean; standaloneCode?: boolean } = {},
): Ajv2020 {
  // Loaded on first use: a run over valid data needs only the precompiled validators.
  const { Ajv2020, _ } = createRequire(import.meta.url)(
    'ajv/dist/2020',
  ) as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020({
    allErrors,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    // For generated code: formats are read from a `formats` variable (see generate-validators.ts).
    ...(standaloneCode ? { code: { source: true, esm: true, formats: _`formats` } } : {}),
  });
  addFormats(ajv);
  for (const { schema } of readSchemas(dir)) ajv.addSchema(schema);
  return ajv;
}

export function validatorFor(ajv: Ajv2020, file: string): ValidateFunction {
  const fn = ajv.getSchema(SCHEMA_BASE + file);
  if (!fn) throw new Error(`no schema ${SCHEMA_BASE + file}`);
  return fn;
}

export type QuickValidator = (data: unknown) => boolean;

let precompiled: Record<string, QuickValidator> | undefined;

/**
 * The first-error validator of a published schema file, precompiled by Ajv at build time (see
 * scripts/generate-validators.ts): the same verdicts as `validatorFor(createAjv(undefined,
 * { allErrors: false }), file)` without compiling anything at run time.
 */
export function precompiledValidator(file: string): QuickValidator {
  if (!precompiled) {
    // The helpers exactly as Ajv's standalone code would `require` them.
    const load = createRequire(import.meta.url);
    precompiled = schemaValidators(formats, {
      equal: load('ajv/dist/runtime/equal'),
      ucs2length: load('ajv/dist/runtime/ucs2length'),
    });
  }
  const fn = precompiled[file];
  if (!fn) throw new Error(`no precompiled validator for ${file}`);
  return fn;
}
