/**
 * A real npm registry on this machine for the publishing tests: verdaccio (a devDependency) with its
 * storage in a temporary folder, no uplink (nothing is fetched from or sent to another registry),
 * listening on 127.0.0.1 at a free port, and one user whose token npm uses through its own `.npmrc`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './helpers.js';

export interface LocalRegistry {
  url: string;
  /** Environment for npm (and for tools that call npm) to publish to and install from this registry only. */
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function listening(child: ChildProcess, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const check = async () => {
      try {
        if ((await fetch(`${url}-/ping`)).ok) return resolve();
      } catch {
        // Not up yet.
      }
      if (child.exitCode !== null)
        return reject(new Error(`verdaccio exited (${child.exitCode}): ${output.slice(-2000)}`));
      setTimeout(check, 100);
    };
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    void check();
  });
}

export async function startRegistry(dir: string): Promise<LocalRegistry> {
  fs.mkdirSync(path.join(dir, 'storage'), { recursive: true });
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
      '    max_users: 10',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    path.join(repoRoot, 'node_modules', '.bin', 'verdaccio'),
    ['--config', config, '--listen', `127.0.0.1:${port}`],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await listening(child, url);
    // One user (npm's own login is interactive): the registry answers with a token.
    const response = await fetch(`${url}-/user/org.couchdb.user:publisher`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'publisher', password: 'not-a-secret-local-only' }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!token) throw new Error(`verdaccio gave no token (HTTP ${response.status})`);
    const npmrc = path.join(dir, '.npmrc');
    fs.writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    const env = {
      ...process.env,
      npm_config_userconfig: npmrc,
      npm_config_registry: url,
      npm_config_cache: path.join(dir, 'npm-cache'),
      NO_UPDATE_NOTIFIER: '1',
    };
    return { url, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
