// ESLint for the whole repository: JavaScript's recommended rules and typescript-eslint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/.turbo/',
      '**/.tmp/',
      '**/.bench/',
      '**/.*.tmp-*/',
      '**/.*.old-*/',
      'exports/',
      'release/',
      'coverage/',
      'data/',
      'review/',
      'schemas/',
      'vendor/',
      'packages/core/src/generated/',
      'packages/dataset/src/generated/',
      '**/test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    rules: {
      // `_` names what is deliberately unused: a drained iterator, a field left out of a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // CommonJS files are preloaded or required by other tools (ajv-cli, node --require).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // TypeScript checks names itself (typescript-eslint's advice: no-undef off for TypeScript).
  { files: ['**/*.ts', '**/*.mts', '**/*.cts'], rules: { 'no-undef': 'off' } },
  // The viewer's pages run in the browser, and so do the functions its tests pass to the page.
  {
    files: ['apps/viewer/src/**', 'apps/viewer/test/**', 'apps/viewer/scripts/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
