/**
 * The validator owns the JSON Schema setup (Ajv 2020-12 with the EDTF format), the EDTF helpers and
 * the readable schema messages; the build uses them from its source so that there is one
 * implementation and no package cycle (the validator depends on this package at run time).
 */
export { createAjv, readSchemas, validatorFor, SCHEMA_BASE, SCHEMA_VERSION } from '../../../apps/validator/src/schemas.js';
export { edtfBounds, isValidEdtf } from '../../../apps/validator/src/edtf.js';
export { describeAjvErrors } from '../../../apps/validator/src/rules/schema.js';
export { collections, type CollectionName } from '../../../apps/validator/src/collections.js';
