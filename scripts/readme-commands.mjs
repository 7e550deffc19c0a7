// Runs every command the READMEs show, literally, in this checkout (`.ci/run` runs it on a fresh
// clone after `npm test`).
//
//   node scripts/readme-commands.mjs          # run them all; exit 1 if one fails
//   node scripts/readme-commands.mjs --list   # the commands found, and how each is checked
//
// A command is a line of a fenced `sh` block, or of an indented block, that starts with npm, npx or
// node (after optional VAR=value settings), without its trailing `# comment`. Each must have an entry
// in HOW below — a README command with none fails the run, so the documents and this check stay in
// step. An entry runs the command as written, with `sh`, from the repository's root, and says what
// must hold: the exit code, a pattern in the output, or, for a server, the address it prints (it is
// stopped then). Where a command cannot run here the entry says why and which test proves it.
// Files and folders the commands write are removed at the end if they did not exist before; nothing
// else is touched.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const DOCS = [
  'README.md',
  'apps/validator/README.md',
  'apps/exporter/README.md',
  'apps/diff/README.md',
  'apps/viewer/README.md',
  'packages/dataset/README.md',
  'packages/check/README.md',
  'data/README.md',
  'review/README.md',
];

const proved = (why) => ({ skip: why });
const server = { server: true };
const RELEASE_TEST = 'apps/diff/test/release.test.ts';

/** How each README command is checked. */
const HOW = {
  'npm ci && npm start': server,
  'npm test': proved('the test command itself: .ci/run runs it before this check'),
  'npm install @encrochat-ledger/dataset': proved(
    `not on the public registry before the first publish; ${RELEASE_TEST} publishes the packages to a local registry and installs the dataset from it`,
  ),
  'npx encrochat-ledger-diff @encrochat-ledger/dataset@0.1.0 @encrochat-ledger/dataset@0.2.0':
    proved(`needs two published releases; ${RELEASE_TEST} runs it against a local registry`),
  'npx encrochat-ledger-diff @encrochat-ledger/dataset@0.1.0 .': proved(
    `needs a published release or its tag; ${RELEASE_TEST} fetches releases from a local registry`,
  ),
  'npx encrochat-ledger-diff old/data.json new/data.json --format json': {
    setup: ['old/data.json', 'new/data.json'],
    expect: /"format": "encrochat-ledger-diff\/1"/,
  },
  'npx encrochat-ledger-diff old/data data --format markdown': {
    setup: ['old/data'],
    expect: /required bump: \*\*none\*\*|no changes/i,
  },
  'npx encrochat-ledger-diff v1 HEAD --check-bump minor': {
    before: 'git tag v1 HEAD',
    after: 'git tag -d v1',
    expect: /required bump: none/,
  },
  'npx changeset version': proved(
    `bumps the versions and deletes the changesets: ${RELEASE_TEST} runs it on a copy`,
  ),
  'npm run release': proved(`${RELEASE_TEST} runs the release script on a clean copy`),
  'npx changeset publish': proved('publishes to the public registry: CI of a release only'),
  'npx encrochat-ledger-validate': { expect: /0 error\(s\)/ },
  'npx encrochat-ledger-validate data/sources/nca-2022-06-09-venetic-operational-statistics-update.json':
    { expect: /0 error\(s\)/ },
  'npx encrochat-ledger-validate --format sarif > validator.sarif': { writes: ['validator.sarif'] },
  'npx encrochat-ledger-validate node_modules/@encrochat-ledger/dataset/dist/data.json': {
    expect: /0 error\(s\)/,
  },
  'npx encrochat-ledger-export --out exports': { writes: ['exports'] },
  'npx encrochat-ledger-export --format parquet --out exports': { writes: ['exports'] },
  'npx encrochat-ledger-export --metric arrests --place united-kingdom --since 2021-01-01 --out uk-arrests':
    { writes: ['uk-arrests'] },
  'npx encrochat-ledger-export --format csv --excel-safe --out for-excel': {
    writes: ['for-excel'],
  },
  'npx encrochat-ledger-check "Police across Europe made more than 6,500 arrests"': {
    expect: /answer: AGREES with the figure to quote first: 6,558/,
  },
  'npx encrochat-ledger-check "More than 10,000 arrests were made in the UK" --format json': {
    expect: /"answer": "contradicts"/,
  },
  'npx encrochat-ledger-check - < packages/check/test/fixtures/draft.txt': {
    expect: /more than 6,500 arrests/,
  },
  'npx turbo run build --filter=@encrochat-ledger/viewer': {},
  'node apps/viewer/serve.mjs': server,
  'npm test -w @encrochat-ledger/viewer': proved('part of npm test'),
  'npm run synth -- --claims 100000 --out /tmp/synth/data': { writes: ['/tmp/synth'] },
  'npm run build -w @encrochat-ledger/dataset -- --data /tmp/synth/data --out /tmp/synth/bundle --bundle-only':
    {},
  'VIEWER_DATASET=/tmp/synth/bundle/data.json npm run build -w @encrochat-ledger/viewer -- --outDir /tmp/synth/site':
    {},
  'node apps/viewer/serve.mjs --dir /tmp/synth/site': server,
  'npm run build': {},
  'node scripts/second-reading/sheet.mjs --name wave2 --split 2': { expect: /No claim is waiting/ },
  'node scripts/second-reading/compare.mjs': {},
  'node scripts/second-reading/record.mjs --date 2026-12-02': {
    expect: /Reviews recorded: 0 claims/,
  },
  'npm run build && node scripts/second-reading/compare.mjs --check': {},
};

/** The commands of a README, in order. */
export function commandsOf(text) {
  const out = [];
  let fenced = null;
  for (const line of text.split('\n')) {
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence) {
      fenced = fenced === null ? fence[1] || 'text' : null;
      continue;
    }
    const indented = fenced === null && /^ {4}\S/.test(line);
    if (!(fenced === 'sh' || fenced === 'bash' || indented)) continue;
    const command = line.replace(/\s+#.*$/, '').trim();
    if (/^([A-Z_]+=\S+\s+)*(npm|npx|node)\s/.test(command)) out.push(command);
  }
  return out;
}

function runServer(command) {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const stop = (ok, why) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Ended already.
      }
      resolve({ ok, why, output });
    };
    // A hang guard, not a speed limit: npm ci && npm start builds everything first.
    const timer = setTimeout(
      () => stop(false, 'printed no address within 15 minutes'),
      15 * 60_000,
    );
    const watch = (chunk) => {
      output += chunk;
      if (/encrochat-ledger viewer: http:\/\/127\.0\.0\.1:\d+\//.test(output))
        stop(true, 'printed its address');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code) => stop(false, `exited (${code}) before printing an address`));
  });
}

function setUp(files) {
  const bundle = path.join(root, 'packages', 'dataset', 'dist', 'data.json');
  for (const file of files) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('data.json')) fs.copyFileSync(bundle, target);
    else fs.cpSync(path.join(root, 'data'), target, { recursive: true });
  }
}

/** What the commands wrote that did not exist before: removed once every command has run (later commands may read it). */
const created = new Set();

async function check(command, how) {
  if (how.skip) return { ok: true, why: `not run: ${how.skip}` };
  for (const p of [...(how.writes ?? []), ...(how.setup ?? []).map((f) => f.split('/')[0])]) {
    const full = path.isAbsolute(p) ? p : path.join(root, p);
    if (!fs.existsSync(full)) created.add(full);
  }
  try {
    setUp(how.setup ?? []);
    if (how.before) execFileSync('sh', ['-c', how.before], { cwd: root, stdio: 'ignore' });
    if (how.server) return await runServer(command);
    const r = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    const output = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) return { ok: false, why: `exit ${r.status}`, output };
    if (how.expect && !how.expect.test(output))
      return { ok: false, why: `output does not match ${how.expect}`, output };
    return { ok: true, why: 'exit 0' };
  } finally {
    if (how.after) spawnSync('sh', ['-c', how.after], { cwd: root, stdio: 'ignore' });
  }
}

const found = DOCS.flatMap((doc) =>
  commandsOf(fs.readFileSync(path.join(root, doc), 'utf8')).map((command) => ({ doc, command })),
);
let failed = 0;
let skipped = 0;
for (const { doc, command } of found) {
  const how = HOW[command];
  if (process.argv.includes('--list')) {
    console.log(
      `${doc}: ${command}\n    ${how ? (how.skip ? `not run: ${how.skip}` : 'run') : 'NO ENTRY in scripts/readme-commands.mjs'}`,
    );
    continue;
  }
  if (how?.skip) skipped += 1;
  const result = how
    ? await check(command, how)
    : { ok: false, why: 'no entry in scripts/readme-commands.mjs says how to check it' };
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${doc}: ${command}  (${result.why})`);
  if (!result.ok) {
    failed += 1;
    if (result.output)
      console.log(
        result.output
          .trim()
          .split('\n')
          .slice(-15)
          .map((l) => `       ${l}`)
          .join('\n'),
      );
  }
}
for (const p of created) fs.rmSync(p, { recursive: true, force: true });
if (!process.argv.includes('--list'))
  console.log(`${found.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
