/**
 * serve.mjs over real HTTP: Brotli and gzip bytes that decompress to the file, validators that
 * answer 304 (If-None-Match, If-Modified-Since) so a second visit downloads nothing again, the
 * security headers on every answer, a file it cannot read (403, and the server goes on), symlinks
 * that lead out of the folder (refused), and `--check-port`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, negotiateEncoding, startServer } from '../serve.mjs';
import {
  DESKTOP,
  launchBrowser,
  openWatched,
  serve,
  sites,
  tmpRoot,
  viewerRoot,
  visit,
  type Served,
} from './support.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request as sent (fetch would decompress and normalise; this keeps the bytes). */
function request(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function expectSecurityHeaders(a: Answer): void {
  expect(a.headers['content-security-policy']).toBe(CSP);
  expect(a.headers['x-content-type-options']).toBe('nosniff');
  expect(a.headers['referrer-policy']).toBe('no-referrer');
}

let site: Served;
const dataFile = path.join(sites.default, 'data', 'dataset.json');
const script = () => {
  const name = fs.readdirSync(path.join(sites.default, 'assets')).find((f) => f.endsWith('.js'))!;
  return { url: `assets/${name}`, file: path.join(sites.default, 'assets', name) };
};

beforeAll(async () => {
  site = await serve(sites.default);
});
afterAll(async () => {
  await site?.close();
});

describe('compression', () => {
  it('chooses Brotli, else gzip, as the browser weighs them', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity')).toBe(null);
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBe(null);
    expect(negotiateEncoding(undefined)).toBe(null);
  });

  it.each([
    ['br', 'br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', 'gzip', (b: Buffer) => zlib.gunzipSync(b)],
    ['gzip, deflate, br', 'br', (b: Buffer) => zlib.brotliDecompressSync(b)],
  ] as const)(
    'Accept-Encoding: %s gives %s bytes that decompress to the file',
    async (accept, encoding, decompress) => {
      for (const [url, file] of [
        ['data/dataset.json', dataFile],
        [script().url, script().file],
        ['index.html', path.join(sites.default, 'index.html')],
      ] as const) {
        const a = await request(`${site.url}${url}`, { 'Accept-Encoding': accept });
        expect(a.status).toBe(200);
        expect(a.headers['content-encoding'], url).toBe(encoding);
        expect(a.headers.vary).toBe('Accept-Encoding');
        expect(Number(a.headers['content-length'])).toBe(a.body.length);
        const original = fs.readFileSync(file);
        expect(a.body.length, `${url} is smaller compressed`).toBeLessThan(original.length);
        expect(decompress(a.body).equals(original)).toBe(true);
        expectSecurityHeaders(a);
        expect(a.headers['cache-control']).toBe('no-cache');
      }
    },
  );

  it('sends the file as it is without Accept-Encoding, and small files always as they are', async () => {
    const plain = await request(`${site.url}data/dataset.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(fs.readFileSync(dataFile))).toBe(true);
    expect(Number(plain.headers['content-length'])).toBe(fs.statSync(dataFile).size);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    const small = await request(`${site.url}favicon.svg`, { 'Accept-Encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.equals(fs.readFileSync(path.join(sites.default, 'favicon.svg')))).toBe(true);
    // HEAD: the headers of GET, no body.
    const head = await request(`${site.url}data/dataset.json`, { 'Accept-Encoding': 'br' }, 'HEAD');
    const get = await request(`${site.url}data/dataset.json`, { 'Accept-Encoding': 'br' });
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
  });
});

describe('validators', () => {
  it('answers 304 to If-None-Match and If-Modified-Since while the file is unchanged', async () => {
    const first = await request(`${site.url}data/dataset.json`, { 'Accept-Encoding': 'br' });
    const etag = first.headers.etag!;
    const lastModified = first.headers['last-modified']!;
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+-br"$/);
    expect(new Date(lastModified).getTime()).toBe(
      Math.floor(fs.statSync(dataFile).mtimeMs / 1000) * 1000,
    );

    const again = await request(`${site.url}data/dataset.json`, {
      'Accept-Encoding': 'br',
      'If-None-Match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expectSecurityHeaders(again);
    expect(again.headers['cache-control']).toBe('no-cache');
    // The same version in another encoding, a weak tag, a list: still unchanged.
    const identityTag = (await request(`${site.url}data/dataset.json`)).headers.etag!;
    expect(
      (
        await request(`${site.url}data/dataset.json`, {
          'Accept-Encoding': 'gzip',
          'If-None-Match': etag,
        })
      ).status,
    ).toBe(304);
    expect(
      (await request(`${site.url}data/dataset.json`, { 'If-None-Match': `W/${identityTag}` }))
        .status,
    ).toBe(304);
    expect(
      (
        await request(`${site.url}data/dataset.json`, {
          'If-None-Match': `"other", ${identityTag}`,
        })
      ).status,
    ).toBe(304);
    expect(
      (await request(`${site.url}data/dataset.json`, { 'If-Modified-Since': lastModified })).status,
    ).toBe(304);
    // Changed or older: the file.
    expect(
      (await request(`${site.url}data/dataset.json`, { 'If-None-Match': '"0-0"' })).status,
    ).toBe(200);
    expect(
      (
        await request(`${site.url}data/dataset.json`, {
          'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString(),
        })
      ).status,
    ).toBe(200);
    // If-None-Match decides when both are sent.
    expect(
      (
        await request(`${site.url}data/dataset.json`, {
          'If-None-Match': '"0-0"',
          'If-Modified-Since': lastModified,
        })
      ).status,
    ).toBe(200);
  });

  it('a changed file gets a new tag', async () => {
    const dir = path.join(tmpRoot, 'serve-changes');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(dir, 'data.json'), JSON.stringify({ v: 1, pad: 'x'.repeat(2000) }));
    const server = await startServer({ root: dir });
    try {
      const first = await request(`${server.url}data.json`, { 'Accept-Encoding': 'gzip' });
      fs.writeFileSync(
        path.join(dir, 'data.json'),
        JSON.stringify({ v: 2, pad: 'y'.repeat(2000) }),
      );
      fs.utimesSync(path.join(dir, 'data.json'), new Date(), new Date(Date.now() + 5000));
      const second = await request(`${server.url}data.json`, {
        'Accept-Encoding': 'gzip',
        'If-None-Match': first.headers.etag!,
      });
      expect(second.status).toBe(200);
      expect(second.headers.etag).not.toBe(first.headers.etag);
      expect(JSON.parse(zlib.gunzipSync(second.body).toString()).v).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('in the browser, the second visit does not download the data again', async () => {
    const browser = await launchBrowser();
    try {
      const w = await openWatched(browser, site.url, DESKTOP);
      const statuses: number[] = [];
      w.page.on('response', (r) => {
        if (r.url().endsWith('data/dataset.json')) statuses.push(r.status());
      });
      await visit(w, site.url, '#/');
      await w.page.reload();
      await w.page.waitForSelector('html[data-ready="true"]');
      const entry = await w.page.evaluate(() => {
        const e = performance
          .getEntriesByType('resource')
          .find((r) => r.name.endsWith('data/dataset.json')) as PerformanceResourceTiming;
        return { transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize };
      });
      // Revalidated: headers only crossed the network; the body came from the cache, compressed.
      expect(entry.transfer).toBeLessThan(1500);
      expect(entry.decoded).toBe(fs.statSync(dataFile).size);
      expect(entry.encoded).toBeLessThan(entry.decoded / 2);
      expect(statuses[0]).toBe(200);
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    } finally {
      await browser.close();
    }
  });
});

describe('what it refuses', () => {
  const root = path.join(tmpRoot, 'serve-fixture');
  const siteDir = path.join(root, 'site');
  const outside = path.join(root, 'outside');
  const SECRET = 'secret outside the site folder';

  beforeAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(siteDir, { recursive: true });
    fs.mkdirSync(outside, { recursive: true });
    // Readable by the user the unreadable-file test runs the server as.
    for (const dir of [root, siteDir, outside]) fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(siteDir, 'index.html'), '<!doctype html><title>fixture</title>');
    fs.writeFileSync(path.join(siteDir, 'readable.txt'), 'readable');
    fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
    fs.symlinkSync('readable.txt', path.join(siteDir, 'inside-link.txt'));
    fs.symlinkSync('../outside/secret.txt', path.join(siteDir, 'leak.txt'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(siteDir, 'absolute-leak.txt'));
    fs.symlinkSync('../outside', path.join(siteDir, 'leakdir'));
    fs.symlinkSync('loop-b', path.join(siteDir, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(siteDir, 'loop-b'));
    fs.symlinkSync('site', path.join(root, 'site-link'));
    fs.writeFileSync(path.join(siteDir, 'unreadable.json'), '{"never": "sent"}');
    fs.chmodSync(path.join(siteDir, 'unreadable.json'), 0o000);
    fs.mkdirSync(path.join(siteDir, 'closed'));
    fs.writeFileSync(path.join(siteDir, 'closed', 'inside.txt'), 'x');
    fs.chmodSync(path.join(siteDir, 'closed'), 0o000);
  });
  afterAll(() => {
    fs.chmodSync(path.join(siteDir, 'closed'), 0o755);
  });

  it('serves nothing outside its folder through symlinks', async () => {
    const server = await startServer({ root: siteDir });
    try {
      expect((await request(`${server.url}inside-link.txt`)).body.toString()).toBe('readable');
      for (const url of ['leak.txt', 'absolute-leak.txt', 'leakdir/secret.txt', 'loop-a']) {
        const a = await request(`${server.url}${url}`);
        expect(a.status, url).toBe(403);
        expect(a.body.toString()).not.toContain(SECRET);
        expectSecurityHeaders(a);
      }
    } finally {
      await server.close();
    }
    // A site folder reached through a symlink is still served.
    const linked = await startServer({ root: path.join(root, 'site-link') });
    try {
      expect((await request(`${linked.url}readable.txt`)).status).toBe(200);
      expect((await request(`${linked.url}leak.txt`)).status).toBe(403);
    } finally {
      await linked.close();
    }
  });

  it('answers a file it cannot read with 403 and goes on serving', async () => {
    // Root reads every file: run the server as nobody then, as the command line does.
    const asRoot = process.getuid?.() === 0;
    const child: ChildProcess = spawn(
      process.execPath,
      [path.join(viewerRoot, 'serve.mjs'), '--dir', siteDir, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
        child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code}): ${out}`)));
      });
      const unreadable = await request(`${url}unreadable.json`);
      expect(unreadable.status).toBe(403);
      expect(unreadable.body.toString()).not.toContain('never');
      expectSecurityHeaders(unreadable);
      expect((await request(`${url}closed/inside.txt`)).status).toBe(403);
      // Still there.
      const after = await request(`${url}readable.txt`);
      expect(after.status).toBe(200);
      expect(after.body.toString()).toBe('readable');
      expect(child.exitCode).toBe(null);
    } finally {
      child.kill();
    }
  });

  it('keeps its other answers: 404, 405, and the path checks', async () => {
    const server = await startServer({ root: siteDir });
    try {
      const missing = await request(`${server.url}nothing.json`);
      expect(missing.status).toBe(404);
      expectSecurityHeaders(missing);
      expect((await request(`${server.url}leakdir`)).status).toBe(403);
      const post = await request(server.url, {}, 'POST');
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe('GET, HEAD');
      expectSecurityHeaders(post);
    } finally {
      await server.close();
    }
  });
});

describe('--check-port', () => {
  const check = (port: number, env: Record<string, string> = {}) =>
    new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(viewerRoot, 'serve.mjs'), '--check-port', '--port', String(port)],
        { stdio: 'ignore', env: { ...process.env, ...env } },
      );
      child.once('exit', (code) => resolve(code ?? -1));
    });

  it('exits 1 when the port asked for is in use, 0 when it is free', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      expect(await check(port)).toBe(1);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
    expect(await check(port)).toBe(0);
  });
});
