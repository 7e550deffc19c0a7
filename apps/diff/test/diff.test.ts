/** The diff on pairs of fixture datasets: one kind of change per pair, and the bump each needs. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff, formatMarkdown, formatText, type Bump, type DataDiff } from '../src/index.js';
import {
  baseCopy,
  cli,
  edit,
  gitInit,
  commitAll,
  git,
  readJson,
  runCli,
  tmp,
  writeJson,
  type Json,
} from './helpers.js';

const SRC = 'data/sources/nca-2020-07-02-unparalleled-victory-against-kingpin-criminals.json';
const SID = 'nca-2020-07-02-unparalleled-victory-against-kingpin-criminals';
const ARRESTS = `${SID}/uk-arrests`;
const CASH = `${SID}/uk-cash`;
const CLAIM_SCHEMA = 'schemas/1.0/claim.schema.json';

/** Makes OLD (the base) and NEW (the base changed by `change`) and diffs them. */
function pair(change: (dir: string) => void): DataDiff {
  const oldDir = baseCopy();
  const newDir = baseCopy();
  change(newDir);
  return diff(oldDir, newDir);
}

const claimsOf = (dir: string): Json[] => readJson(dir, SRC).claims;
const editClaim = (dir: string, id: string, fn: (c: Json) => void) =>
  edit(dir, SRC, (s) => fn(s.claims.find((c: Json) => c.id === id)));
const kinds = (d: DataDiff) =>
  d.records.map(
    (r) => `${r.kind} ${r.collection} ${r.kind === 'renamed' ? `${r.from}→${r.id}` : r.id}`,
  );

describe('records and claims', () => {
  const cases: { name: string; change: (dir: string) => void; expect: string[]; bump: Bump }[] = [
    { name: 'nothing changed', change: () => {}, expect: [], bump: 'none' },
    {
      name: 'a claim value corrected',
      change: (d) => editClaim(d, ARRESTS, (c) => (c.value = 747)),
      expect: [`changed claims ${ARRESTS}`],
      bump: 'patch',
    },
    {
      name: 'a note added to a source',
      change: (d) => edit(d, SRC, (s) => (s.note = `${s.note} Checked again.`)),
      expect: [`changed sources ${SID}`],
      bump: 'patch',
    },
    {
      name: 'a metric definition reworded',
      change: (d) =>
        edit(d, 'data/metrics/arrests.json', (m) => (m.definition = 'People arrested.')),
      expect: ['changed metrics arrests'],
      bump: 'patch',
    },
    {
      name: 'a claim added',
      change: (d) =>
        edit(d, SRC, (s) =>
          s.claims.push({ ...s.claims[0], id: `${SID}/uk-arrests-again`, note: 'again' }),
        ),
      expect: [`added claims ${SID}/uk-arrests-again`],
      bump: 'minor',
    },
    {
      name: 'a new metric (vocabulary)',
      change: (d) =>
        writeJson(d, 'data/metrics/charges.json', {
          ...readJson(d, 'data/metrics/arrests.json'),
          id: 'charges',
          label: 'Charges',
        }),
      expect: ['added metrics charges'],
      bump: 'minor',
    },
    {
      name: 'a new source with its claims',
      change: (d) =>
        writeJson(d, 'data/sources/x-2021.json', {
          ...readJson(d, SRC),
          id: 'x-2021',
          claims: [{ ...claimsOf(d)[0], id: 'x-2021/a' }],
        }),
      expect: ['added sources x-2021', 'added claims x-2021/a'],
      bump: 'minor',
    },
    {
      name: 'a claim removed',
      change: (d) => edit(d, SRC, (s) => (s.claims = s.claims.filter((c: Json) => c.id !== CASH))),
      expect: [`removed claims ${CASH}`],
      bump: 'major',
    },
    {
      name: 'a place removed',
      change: (d) => fs.rmSync(path.join(d, 'data/places/world.json')),
      expect: ['removed places world'],
      bump: 'major',
    },
    {
      name: 'a claim renamed (old id kept in aliases)',
      change: (d) =>
        editClaim(d, CASH, (c) =>
          Object.assign(c, { id: `${SID}/uk-cash-seized`, aliases: [CASH] }),
        ),
      expect: [`renamed claims ${CASH}→${SID}/uk-cash-seized`],
      bump: 'major',
    },
    {
      name: 'a claim renamed without alias (removed and added)',
      change: (d) => editClaim(d, CASH, (c) => (c.id = `${SID}/uk-cash-seized`)),
      expect: [`removed claims ${CASH}`, `added claims ${SID}/uk-cash-seized`],
      bump: 'major',
    },
    {
      name: 'a place renamed',
      change: (d) => {
        const w = readJson(d, 'data/places/world.json');
        fs.rmSync(path.join(d, 'data/places/world.json'));
        writeJson(d, 'data/places/earth.json', { ...w, id: 'earth', aliases: ['world'] });
      },
      expect: ['renamed places world→earth'],
      bump: 'major',
    },
    {
      name: 'a claim withdrawn',
      change: (d) =>
        editClaim(d, ARRESTS, (c) =>
          Object.assign(c, {
            withdrawn: { date: '2024-01-02', reason: 'double count' },
            superseded_by: CASH,
          }),
        ),
      expect: [`withdrawn claims ${ARRESTS}`],
      bump: 'patch',
    },
    {
      name: 'a source withdrawn',
      change: (d) =>
        edit(d, SRC, (s) => (s.withdrawn = { date: '2024-01-02', reason: 'retracted' })),
      expect: [`withdrawn sources ${SID}`],
      bump: 'patch',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.bump}`, () => {
      const d = pair(c.change);
      expect(kinds(d).sort()).toEqual([...c.expect].sort());
      expect(d.bump).toBe(c.bump);
      expect(d.schemas).toEqual([]);
    });
  }

  it('a withdrawal undone is reinstated (patch)', () => {
    const oldDir = baseCopy();
    editClaim(
      oldDir,
      ARRESTS,
      (c) => (c.withdrawn = { date: '2024-01-02', reason: 'double count' }),
    );
    const d = diff(oldDir, baseCopy());
    expect(kinds(d)).toEqual([`reinstated claims ${ARRESTS}`]);
    expect(d.bump).toBe('patch');
  });

  it('lists changed fields one by one, nested fields by path', () => {
    const d = pair((dir) =>
      editClaim(dir, ARRESTS, (c) => {
        c.value = 747;
        c.scope.operation = 'emma';
        delete c.attributed_to;
        c.note = 'new note';
      }),
    );
    const change = d.records[0]!;
    expect(change.source_id).toBe(SID);
    const old = claimsOf(baseCopy()).find((c) => c.id === ARRESTS)!;
    expect(change.fields).toEqual([
      { path: 'attributed_to', kind: 'removed', old: old.attributed_to },
      ...(old.note
        ? [{ path: 'note', kind: 'changed', old: old.note, new: 'new note' }]
        : [{ path: 'note', kind: 'added', new: 'new note' }]),
      old.scope.operation
        ? { path: 'scope.operation', kind: 'changed', old: old.scope.operation, new: 'emma' }
        : { path: 'scope.operation', kind: 'added', new: 'emma' },
      { path: 'value', kind: 'changed', old: old.value, new: 747 },
    ]);
  });

  it('a withdrawal says when, why and what supersedes it; a rename keeps its field changes', () => {
    const w = pair((d) =>
      editClaim(d, ARRESTS, (c) =>
        Object.assign(c, {
          withdrawn: { date: '2024-01-02', reason: 'double count' },
          superseded_by: CASH,
        }),
      ),
    );
    expect(w.records[0]).toMatchObject({
      withdrawn: { date: '2024-01-02', reason: 'double count' },
      superseded_by: CASH,
      fields: [],
    });
    const r = pair((d) =>
      editClaim(d, CASH, (c) =>
        Object.assign(c, { id: `${SID}/uk-cash-seized`, aliases: [CASH], value: 1 }),
      ),
    );
    expect(r.records[0]).toMatchObject({
      kind: 'renamed',
      from: CASH,
      id: `${SID}/uk-cash-seized`,
      fields: [{ path: 'value', kind: 'changed', new: 1 }],
    });
  });

  it('the largest bump wins when changes mix', () => {
    const d = pair((dir) => {
      editClaim(dir, ARRESTS, (c) => (c.value = 1));
      writeJson(dir, 'data/metrics/charges.json', {
        ...readJson(dir, 'data/metrics/arrests.json'),
        id: 'charges',
      });
      fs.rmSync(path.join(dir, 'data/places/world.json'));
    });
    expect(d.bump).toBe('major');
    expect(d.counts).toMatchObject({ changed: 1, added: 1, removed: 1 });
  });
});

describe('schemas', () => {
  /** NEW gets schemas/1.1 (1.0 kept unchanged), changed by `fn`. */
  const newVersion = (fn: (claim: Json, defs: Json) => void) =>
    pair((d) => {
      fs.cpSync(path.join(d, 'schemas/1.0'), path.join(d, 'schemas/1.1'), { recursive: true });
      for (const f of fs.readdirSync(path.join(d, 'schemas/1.1')))
        edit(d, `schemas/1.1/${f}`, (s) => (s.$id = s.$id.replace('/1.0/', '/1.1/')));
      const claim = readJson(d, 'schemas/1.1/claim.schema.json');
      const defs = readJson(d, 'schemas/1.1/defs.schema.json');
      fn(claim, defs);
      writeJson(d, 'schemas/1.1/claim.schema.json', claim);
      writeJson(d, 'schemas/1.1/defs.schema.json', defs);
    });
  const inPlace = (fn: (claim: Json, defs: Json) => void) =>
    pair((d) => {
      const claim = readJson(d, CLAIM_SCHEMA);
      const defs = readJson(d, 'schemas/1.0/defs.schema.json');
      fn(claim, defs);
      writeJson(d, CLAIM_SCHEMA, claim);
      writeJson(d, 'schemas/1.0/defs.schema.json', defs);
    });
  const summary = (d: DataDiff) =>
    d.schemas.map((s) => `${s.bump} ${s.kind} ${s.file}#${s.pointer}`);

  it('a new version folder that only copies the last one is no change ($ids follow the version)', () => {
    const d = newVersion(() => {});
    expect(d.schemas).toEqual([]);
    expect(d.bump).toBe('none');
  });

  const cases: {
    name: string;
    fn: (claim: Json, defs: Json) => void;
    expect: string;
    bump: Bump;
  }[] = [
    {
      name: 'a new optional field',
      fn: (c) => (c.properties.confidence = { type: 'number' }),
      expect: 'minor field-added 1.1/claim.schema.json#/properties/confidence',
      bump: 'minor',
    },
    {
      name: 'a new unit (enum value)',
      fn: (_c, d) => d.$defs.unit.enum.push('grams'),
      expect: 'minor enum-extended 1.1/defs.schema.json#/$defs/unit/enum',
      bump: 'minor',
    },
    {
      name: 'a new definition',
      fn: (_c, d) => (d.$defs.isoDay = { type: 'string' }),
      expect: 'minor definition-added 1.1/defs.schema.json#/$defs/isoDay',
      bump: 'minor',
    },
    {
      name: 'a longer maximum length (looser)',
      fn: (c) => (c.properties.quote.maxLength = 2000),
      expect: 'minor bound-loosened 1.1/claim.schema.json#/properties/quote/maxLength',
      bump: 'minor',
    },
    {
      name: 'a description reworded',
      fn: (c) => (c.description = 'One figure.'),
      expect: 'patch documentation 1.1/claim.schema.json#/description',
      bump: 'patch',
    },
    {
      name: 'a removed field',
      fn: (c) => delete c.properties.note,
      expect: 'major field-removed 1.1/claim.schema.json#/properties/note',
      bump: 'major',
    },
    {
      name: 'a new required field',
      fn: (c) => c.required.push('note'),
      expect: 'major required-added 1.1/claim.schema.json#/required',
      bump: 'major',
    },
    {
      name: 'a narrowed enum',
      fn: (_c, d) => (d.$defs.unit.enum = d.$defs.unit.enum.filter((u: string) => u !== 'days')),
      expect: 'major enum-narrowed 1.1/defs.schema.json#/$defs/unit/enum',
      bump: 'major',
    },
    {
      name: 'a changed pattern',
      fn: (_c, d) => (d.$defs.slug.pattern = '^[a-z]+$'),
      expect: 'major pattern-changed 1.1/defs.schema.json#/$defs/slug/pattern',
      bump: 'major',
    },
    {
      name: 'a shorter maximum length (stricter)',
      fn: (c) => (c.properties.quote.maxLength = 500),
      expect: 'major bound-tightened 1.1/claim.schema.json#/properties/quote/maxLength',
      bump: 'major',
    },
    {
      name: 'a narrowed type',
      fn: (c) => (c.properties.value.type = 'integer'),
      expect: 'major type-narrowed 1.1/claim.schema.json#/properties/value/type',
      bump: 'major',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.bump}`, () => {
      const d = newVersion(c.fn);
      expect(summary(d)).toEqual([c.expect]);
      expect(d.schemas[0]!.against).toBe('1.0');
      expect(d.bump).toBe(c.bump);
    });
  }

  it('a change in place in a version folder is compared with the same folder', () => {
    const d = inPlace((c) => c.required.push('note'));
    expect(summary(d)).toEqual(['major required-added 1.0/claim.schema.json#/required']);
    expect(d.schemas[0]!.against).toBeUndefined();
  });

  it('a removed version folder or schema file is major', () => {
    expect(summary(pair((d) => fs.rmSync(path.join(d, 'schemas/1.0/person.schema.json'))))).toEqual(
      ['major schema-removed 1.0/person.schema.json#'],
    );
    const gone = pair((d) => {
      fs.renameSync(path.join(d, 'schemas/1.0'), path.join(d, 'schemas/2.0'));
    });
    expect(gone.bump).toBe('major');
    expect(summary(gone)).toContain('major schema-version-removed 1.0/#');
  });

  it('a changed $id within a version folder is major', () => {
    expect(summary(inPlace((c) => (c.$id = 'https://example.org/claim.json')))).toEqual([
      'major id-changed 1.0/claim.schema.json#/$id',
    ]);
  });
});

describe('bundles (no schemas): fields compared by use', () => {
  function bundleOf(dir: string, file: string, mutate: (b: Json) => void = () => {}): string {
    const collections = [
      'metrics',
      'networks',
      'places',
      'organisations',
      'operations',
      'persons',
      'events',
      'sources',
    ];
    const b: Json = { name: 'encrochat-ledger', version: '0.1.0', schema_version: '1.0' };
    for (const c of collections) {
      const folder = path.join(dir, 'data', c);
      b[c] = fs.existsSync(folder)
        ? fs
            .readdirSync(folder)
            .sort()
            .map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')))
        : [];
    }
    mutate(b);
    const out = path.join(tmp('bundle'), file);
    fs.writeFileSync(out, JSON.stringify(b));
    return out;
  }

  it('same bundle: no change; a field no record uses any more: major; a new field: minor', () => {
    const base = baseCopy();
    const a = bundleOf(base, 'data.json');
    expect(diff(a, bundleOf(base, 'data.json')).bump).toBe('none');
    const dropped = diff(
      a,
      bundleOf(base, 'data.json', (b) =>
        b.sources.forEach((s: Json) => s.claims.forEach((c: Json) => delete c.attributed_to)),
      ),
    );
    expect(dropped.fields).toContainEqual(
      expect.objectContaining({
        collection: 'claims',
        field: 'attributed_to',
        kind: 'removed',
        bump: 'major',
      }),
    );
    expect(dropped.bump).toBe('major');
    // A new field comes with a newer schema version (the records of a version newer than the
    // published schemas are not checked against them).
    const added = diff(
      a,
      bundleOf(base, 'data.json', (b) => {
        b.metrics[0].unit_note = 'x';
        b.schema_version = '1.1';
      }),
    );
    expect(added.fields).toEqual([
      expect.objectContaining({
        collection: 'metrics',
        field: 'unit_note',
        kind: 'added',
        bump: 'minor',
      }),
    ]);
    expect(added.bump).toBe('minor');
  });

  it('a bundle against the data folder it was built from: no change', () => {
    const base = baseCopy();
    expect(diff(bundleOf(base, 'data.json'), path.join(base, 'data')).records).toEqual([]);
  });

  it('the built dataset package against data/: no change', () => {
    const d = diff(
      path.join(import.meta.dirname, '../../../packages/dataset/dist/data.json'),
      path.join(import.meta.dirname, '../../../data'),
    );
    expect(d.records).toEqual([]);
    expect(d.schemas).toEqual([]);
  });
});

describe('git refs', () => {
  it('diffs two refs, and a ref against the work tree', () => {
    const repo = baseCopy();
    gitInit(repo);
    git(['tag', '@encrochat-ledger/dataset@0.1.0'], repo);
    editClaim(repo, ARRESTS, (c) => (c.value = 747));
    commitAll(repo, 'correction');
    fs.rmSync(path.join(repo, 'data/places/world.json'));
    const refs = diff('@encrochat-ledger/dataset@0.1.0', 'HEAD', repo);
    expect(kinds(refs)).toEqual([`changed claims ${ARRESTS}`]);
    expect(refs.old).toMatchObject({
      label: 'git:@encrochat-ledger/dataset@0.1.0',
      version: '0.1.0',
      schema_versions: ['1.0'],
    });
    const tree = diff('git:@encrochat-ledger/dataset@0.1.0', '.', repo);
    expect(kinds(tree).sort()).toEqual([`changed claims ${ARRESTS}`, 'removed places world']);
    expect(tree.bump).toBe('major');
    expect(git(['status', '--porcelain'], repo).trim()).toBe('D data/places/world.json');
  });

  it('removes the folder it extracts a ref into, also when the extraction fails', () => {
    const repo = baseCopy();
    // More than a pipe holds: the refusing tar reads none of it, so writing to it fails too (EPIPE),
    // and the message must still be tar's failure.
    fs.writeFileSync(path.join(repo, 'data', 'padding.txt'), 'x'.repeat(4 << 20));
    gitInit(repo);
    // A `tar` that refuses: the commit's files never reach the temporary folder made for them.
    const bin = tmp('bin');
    fs.writeFileSync(path.join(bin, 'tar'), '#!/bin/sh\necho "tar: refused" >&2\nexit 2\n', {
      mode: 0o755,
    });
    const scratch = tmp('scratch');
    const r = spawnSync(process.execPath, [cli, 'HEAD', '.'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, TMPDIR: scratch },
    });
    expect(r.stderr).toMatch(
      /^tar: refused\nencrochat-ledger-diff: commit [0-9a-f]{40}: tar could not unpack its files \(exit status 2\); tar's message, if any, is above\n$/,
    );
    expect(r.status).toBe(2);
    expect(fs.readdirSync(scratch)).toEqual([]);
  });
});

describe('CLI', () => {
  const oldDir = baseCopy();
  const newDir = baseCopy();
  edit(newDir, SRC, (s) => (s.claims = s.claims.filter((c: Json) => c.id !== CASH)));
  editClaim(newDir, ARRESTS, (c) => (c.value = 747));

  it('prints text: the claims by kind, fields, and the bump', () => {
    const r = runCli(cli, [oldDir, newDir], '/');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 removed, 1 changed; required bump: major');
    expect(r.stdout).toMatch(new RegExp(`removed +${CASH.replace(/[/]/g, '\\/')} +\\[major\\]`));
    expect(r.stdout).toMatch(/value: \d+ → 747/);
    expect(r.stdout).toBe(formatText(diff(oldDir, newDir)));
  });

  it('prints JSON (the changes.json format) and Markdown', () => {
    const j = JSON.parse(runCli(cli, [oldDir, newDir, '--format', 'json'], '/').stdout);
    expect(j).toMatchObject({
      format: 'encrochat-ledger-diff/1',
      bump: 'major',
      counts: { removed: 1, changed: 1 },
    });
    const md = runCli(cli, [oldDir, newDir, '--format=markdown'], '/').stdout;
    expect(md).toBe(formatMarkdown(diff(oldDir, newDir)));
    expect(md).toContain(`- claims \`${CASH}\``);
  });

  it('--check-bump exits 1 when the level is smaller than required, 0 otherwise', () => {
    const low = runCli(cli, [oldDir, newDir, '--check-bump', 'minor'], '/');
    expect(low.status).toBe(1);
    expect(low.stderr).toBe(
      'encrochat-ledger-diff: the change needs a major release; minor is not enough\n',
    );
    expect(runCli(cli, [oldDir, newDir, '--check-bump', 'major'], '/').status).toBe(0);
    expect(runCli(cli, [oldDir, oldDir, '--check-bump', 'none'], '/').status).toBe(0);
  });

  it('usage errors: one line, exit 2', () => {
    const cases: [string[], string][] = [
      [[oldDir], 'expected OLD and NEW, got 1 argument; see --help'],
      [
        [oldDir, newDir, '--format', 'xml'],
        '--format: unknown value "xml"; use text, json, markdown',
      ],
      [
        [oldDir, newDir, '--check-bump', 'huge'],
        '--check-bump: unknown value "huge"; use none, patch, minor, major',
      ],
      [[oldDir, newDir, '--colour'], 'unknown option --colour; see --help'],
      [[oldDir, 'no-such-thing'], 'no such file, folder or git ref: no-such-thing'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(cli, args, tmp('cwd'));
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`encrochat-ledger-diff: ${message}\n`);
      expect(r.stdout).toBe('');
    }
    const notBundle = path.join(tmp('nb'), 'x.json');
    fs.writeFileSync(notBundle, '{"a":1}');
    const r = runCli(cli, [notBundle, newDir], '/');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('not an encrochat-ledger bundle');
    expect(runCli(cli, ['--help'], '/').stdout).toContain('usage: encrochat-ledger-diff OLD NEW');
  });

  it('refuses a data folder with a broken file, naming its line and column (read like the validator reads it)', () => {
    const broken = baseCopy();
    fs.writeFileSync(
      path.join(broken, 'data', 'places', 'broken.json'),
      '{\n  "id": "broken",\n  "id": "broken"\n}\n',
    );
    const r = runCli(cli, [broken, broken], broken);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'encrochat-ledger-diff: data/places/broken.json:3:3 at /id: key "id" appears twice in the same object (first at line 2, column 3); a JSON reader keeps only the last one; hint: merge the two entries into one key, or rename one of them; encrochat-ledger-validate lists every problem\n',
    );
  });
});
