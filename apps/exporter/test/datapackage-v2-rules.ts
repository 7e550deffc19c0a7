/**
 * STRICTER RULES OF FRICTIONLESS DATA PACKAGE v2, BY HAND — beside the official profile.
 *
 * The tests validate every descriptor against the official profile (vendor/frictionless/2.0). This
 * file adds rules of the v2 specifications (Data Package, Data Resource, Table Schema, Table Dialect
 * at https://datapackage.org/standard/) that the profile leaves loose or cannot express: a JSON
 * Schema (draft-07, validated with Ajv) for the structure — relative POSIX paths with no `..`, hash
 * syntax, table resources with a schema, the v2 `$schema` — and `checkSemantics` for unique names and
 * keys that name existing fields and resources. It was written when the official profile was not
 * available offline; it stays because it is stricter.
 */

const urlOrPath = {
  type: 'string',
  minLength: 1,
  // A URL (http/https) or a relative POSIX path: not absolute, no `..` segment, no backslash, no
  // leading `./` or `~`, no other scheme.
  pattern: '^(https?://.+|(?![./~])(?!file:)(?!.*(^|/)\\.\\.(/|$))(?!.*\\\\)(?!.*://).+)$',
} as const;

const stringOrStrings = {
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
} as const;

const license = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[-a-zA-Z0-9._]+$' },
    path: urlOrPath,
    title: { type: 'string' },
  },
  anyOf: [{ required: ['name'] }, { required: ['path'] }],
} as const;

const source = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    path: urlOrPath,
    email: { type: 'string', format: 'email' },
    version: { type: 'string' },
  },
  anyOf: [{ required: ['title'] }, { required: ['path'] }],
} as const;

const contributor = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    givenName: { type: 'string' },
    familyName: { type: 'string' },
    path: urlOrPath,
    email: { type: 'string', format: 'email' },
    roles: { type: 'array', items: { type: 'string' } },
    organization: { type: 'string' },
  },
  anyOf: [
    { required: ['title'] },
    { required: ['givenName'] },
    { required: ['familyName'] },
    { required: ['organization'] },
  ],
} as const;

const FIELD_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'list',
  'datetime',
  'date',
  'time',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
];

const field = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    description: { type: 'string' },
    type: { enum: FIELD_TYPES },
    format: { type: 'string' },
    missingValues: { type: 'array', items: { type: 'string' } },
    constraints: {
      type: 'object',
      properties: {
        required: { type: 'boolean' },
        unique: { type: 'boolean' },
        minLength: { type: 'integer', minimum: 0 },
        maxLength: { type: 'integer', minimum: 0 },
        pattern: { type: 'string' },
        enum: { type: 'array', minItems: 1 },
      },
    },
    // list fields
    delimiter: { type: 'string', minLength: 1 },
    itemType: { enum: ['string', 'integer', 'boolean', 'number', 'datetime', 'date', 'time'] },
    // number and integer fields
    decimalChar: { type: 'string' },
    groupChar: { type: 'string' },
    bareNumber: { type: 'boolean' },
    // boolean fields
    trueValues: { type: 'array', items: { type: 'string' } },
    falseValues: { type: 'array', items: { type: 'string' } },
  },
  allOf: [
    {
      if: { properties: { itemType: {} }, required: ['itemType'] },
      then: { properties: { type: { const: 'list' } } },
    },
    {
      if: { properties: { delimiter: {} }, required: ['delimiter'] },
      then: { properties: { type: { const: 'list' } } },
    },
  ],
} as const;

const tableSchema = {
  type: 'object',
  required: ['fields'],
  properties: {
    fields: { type: 'array', items: field, minItems: 1 },
    primaryKey: stringOrStrings,
    uniqueKeys: { type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 1 } },
    foreignKeys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fields', 'reference'],
        properties: {
          fields: stringOrStrings,
          reference: {
            type: 'object',
            required: ['fields'],
            properties: { resource: { type: 'string', minLength: 1 }, fields: stringOrStrings },
          },
        },
      },
    },
    missingValues: {
      oneOf: [
        { type: 'array', items: { type: 'string' } },
        {
          type: 'array',
          items: {
            type: 'object',
            required: ['value'],
            properties: { value: { type: 'string' }, label: { type: 'string' } },
          },
        },
      ],
    },
    fieldsMatch: { enum: ['exact', 'equal', 'subset', 'superset', 'partial'] },
  },
} as const;

const oneCharacter = { type: 'string', minLength: 1, maxLength: 1 } as const;
const dialect = {
  type: 'object',
  properties: {
    header: { type: 'boolean' },
    headerRows: { type: 'array', items: { type: 'integer', minimum: 1 } },
    headerJoin: { type: 'string' },
    commentRows: { type: 'array', items: { type: 'integer', minimum: 1 } },
    commentChar: { type: 'string' },
    delimiter: oneCharacter,
    lineTerminator: { type: 'string', minLength: 1 },
    quoteChar: oneCharacter,
    doubleQuote: { type: 'boolean' },
    escapeChar: oneCharacter,
    nullSequence: { type: 'string' },
    skipInitialSpace: { type: 'boolean' },
  },
} as const;

const resource = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: '^[-a-z0-9._]+$' },
    path: { oneOf: [urlOrPath, { type: 'array', items: urlOrPath, minItems: 1 }] },
    data: {},
    type: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    homepage: { type: 'string', format: 'uri' },
    format: { type: 'string' },
    mediatype: { type: 'string', pattern: '^[^/]+/[^/]+$' },
    encoding: { type: 'string' },
    bytes: { type: 'integer', minimum: 0 },
    hash: { type: 'string', pattern: '^([a-z0-9]+:)?[a-fA-F0-9]+$' },
    schema: { oneOf: [tableSchema, urlOrPath] },
    dialect: { oneOf: [dialect, urlOrPath] },
    sources: { type: 'array', items: source },
    licenses: { type: 'array', items: license, minItems: 1 },
  },
  // Exactly one of path and data.
  oneOf: [
    { required: ['path'], not: { required: ['data'] } },
    { required: ['data'], not: { required: ['path'] } },
  ],
  // A tabular resource has a Table Schema.
  if: { properties: { type: { const: 'table' } }, required: ['type'] },
  then: { required: ['schema'] },
} as const;

/** The structural rules as a draft-07 JSON Schema (for Ajv with ajv-formats). */
export const dataPackageV2Rules = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment:
    'Hand-written structural rules of Frictionless Data Package v2; NOT the official profile. See the top of datapackage-v2-rules.ts.',
  type: 'object',
  required: ['resources'],
  properties: {
    $schema: {
      type: 'string',
      pattern: '^https://datapackage\\.org/profiles/2\\.[0-9]+/datapackage\\.json$',
    },
    name: { type: 'string', pattern: '^[-a-z0-9._]+$' },
    id: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    homepage: { type: 'string', format: 'uri' },
    version: { type: 'string' },
    created: { type: 'string', format: 'date-time' },
    keywords: { type: 'array', items: { type: 'string' }, minItems: 1 },
    image: { type: 'string' },
    licenses: { type: 'array', items: license, minItems: 1 },
    sources: { type: 'array', items: source, minItems: 1 },
    contributors: { type: 'array', items: contributor, minItems: 1 },
    resources: { type: 'array', items: resource, minItems: 1 },
  },
} as const;

type Descriptor = {
  resources: {
    name: string;
    schema?: {
      fields: { name: string }[];
      primaryKey?: string | string[];
      foreignKeys?: {
        fields: string | string[];
        reference: { resource?: string; fields: string | string[] };
      }[];
    };
  }[];
};
const asList = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Rules of the v2 text a JSON Schema cannot express. Returns the problems found (empty when none). */
export function checkSemantics(descriptor: Descriptor): string[] {
  const problems: string[] = [];
  const byName = new Map<string, Descriptor['resources'][number]>();
  for (const r of descriptor.resources) {
    if (byName.has(r.name)) problems.push(`resource name "${r.name}" is not unique`);
    byName.set(r.name, r);
  }
  for (const r of descriptor.resources) {
    const schema = r.schema;
    if (!schema) continue;
    const names = schema.fields.map((f) => f.name);
    const fieldSet = new Set(names);
    if (fieldSet.size !== names.length) problems.push(`${r.name}: field names are not unique`);
    for (const key of asList(schema.primaryKey))
      if (!fieldSet.has(key)) problems.push(`${r.name}: primaryKey field "${key}" is not a field`);
    for (const fk of schema.foreignKeys ?? []) {
      const fields = asList(fk.fields);
      const refFields = asList(fk.reference.fields);
      for (const f of fields)
        if (!fieldSet.has(f)) problems.push(`${r.name}: foreign key field "${f}" is not a field`);
      if (fields.length !== refFields.length)
        problems.push(
          `${r.name}: foreign key ${fields.join(',')} has ${refFields.length} reference fields`,
        );
      const target = fk.reference.resource === undefined ? r : byName.get(fk.reference.resource);
      if (!target) {
        problems.push(
          `${r.name}: foreign key ${fields.join(',')} references the unknown resource "${fk.reference.resource}"`,
        );
        continue;
      }
      const targetFields = new Set((target.schema?.fields ?? []).map((f) => f.name));
      for (const f of refFields)
        if (!targetFields.has(f))
          problems.push(
            `${r.name}: foreign key references "${target.name}.${f}", which is not a field`,
          );
    }
  }
  return problems;
}
