/**
 * Every package of the repository depends on others only through their names and its own
 * package.json: no source file (src/, build/, scripts/, test/ and the package's top-level scripts and
 * configs) imports another package's files by a relative path, and every package it imports by name
 * is declared in its dependencies, devDependencies or peerDependencies. The root's devDependencies do
 * not count: npm hoists them today, but a package installed alone, or a stricter installer, would not
 * find them. Imports are read by TypeScript's own pre-processor, so an import written inside a string
 * (a test that writes a consumer's file) is not one.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const SOURCE_FOLDERS = ['src', 'build', 'scripts', 'test'];
const SKIPPED = new Set(['node_modules', 'dist', 'generated', 'fixtures', '.turbo']);
const CODE = /\.(?:[cm]?[jt]s|tsx)$/;

/**
 * Undeclared imports allowed for now, each with its reason; an entry nothing needs any more fails the
 * test, so the list cannot rot.
 */
const EXCEPTIONS: Record<string, Record<string, string>> = {
  '@encrochat-ledger/viewer': {
    vitest:
      'apps/viewer is being changed by others at the moment: add vitest to its devDependencies there, then remove this entry',
  },
};

interface Workspace {
  name: string;
  dir: string;
  declared: Set<string>;
}

function workspaces(): Workspace[] {
  const { workspaces: globs } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  ) as { workspaces: string[] };
  return globs.flatMap((glob) => {
    const base = path.join(root, glob.replace(/\/\*$/, ''));
    return fs
      .readdirSync(base)
      .map((entry) => path.join(base, entry))
      .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
      .map((dir) => {
        const manifest = JSON.parse(
          fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
        ) as Record<string, Record<string, string> | string>;
        const deps = {
          ...(manifest.dependencies as object),
          ...(manifest.devDependencies as object),
          ...(manifest.peerDependencies as object),
        };
        return {
          name: manifest.name as string,
          dir,
          declared: new Set([manifest.name as string, ...Object.keys(deps)]),
        };
      });
  });
}

function sourceFiles(dir: string): string[] {
  const out = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && CODE.test(e.name))
    .map((e) => path.join(dir, e.name));
  const walk = (folder: string) => {
    for (const e of fs.readdirSync(folder, { withFileTypes: true })) {
      if (SKIPPED.has(e.name)) continue;
      const full = path.join(folder, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && CODE.test(e.name)) out.push(full);
    }
  };
  for (const folder of SOURCE_FOLDERS)
    if (fs.existsSync(path.join(dir, folder))) walk(path.join(dir, folder));
  return out.sort();
}

/** Every module specifier a file imports, exports from, `import()`s or `require()`s. */
function importsOf(file: string): string[] {
  return ts
    .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((f) => f.fileName);
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
/** `virtual:…` (a bundler's virtual module), `data:…`: not packages. */
const hasScheme = (specifier: string) => /^[a-z][a-z0-9+.-]*:/.test(specifier);

const all = workspaces();
const problems = { relative: [] as string[], undeclared: [] as string[] };
const excepted = new Set<string>();
for (const ws of all) {
  for (const file of sourceFiles(ws.dir)) {
    const shown = path.relative(root, file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        if (path.relative(ws.dir, target).startsWith('..'))
          problems.relative.push(
            `${shown} imports ${specifier} (${path.relative(root, target)}): import the package by its name`,
          );
      } else if (!path.isAbsolute(specifier) && !isBuiltin(specifier) && !hasScheme(specifier)) {
        const name = packageName(specifier);
        if (ws.declared.has(name)) continue;
        if (EXCEPTIONS[ws.name]?.[name]) excepted.add(`${ws.name} ${name}`);
        else
          problems.undeclared.push(
            `${shown} imports ${name}, which ${ws.name}'s package.json does not declare`,
          );
      }
    }
  }
}

it('reads the imports of every workspace', () => {
  expect(all.map((w) => w.name)).toEqual(
    expect.arrayContaining([
      '@encrochat-ledger/core',
      '@encrochat-ledger/dataset',
      '@encrochat-ledger/validator',
      '@encrochat-ledger/viewer',
    ]),
  );
  // The pre-processor sees static, type-only and dynamic imports and require calls, and not strings.
  expect(
    ts
      .preProcessFile(
        "import a from 'a';\nimport type { B } from 'b';\nexport * from './c.js';\nawait import('d');\nrequire('e');\nconst s = `import f from 'f'`;\n",
        true,
        true,
      )
      .importedFiles.map((f) => f.fileName),
  ).toEqual(['a', 'b', './c.js', 'd', 'e']);
});

it("no package imports another package's files by a relative path", () => {
  expect(problems.relative).toEqual([]);
});

it('every package a workspace imports by name is declared in its package.json', () => {
  expect(problems.undeclared).toEqual([]);
});

it('every exception is still needed', () => {
  const listed = Object.entries(EXCEPTIONS).flatMap(([ws, names]) =>
    Object.keys(names).map((name) => `${ws} ${name}`),
  );
  expect(listed.filter((e) => !excepted.has(e))).toEqual([]);
});
