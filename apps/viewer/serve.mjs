#!/usr/bin/env node
/**
 * Serves a built viewer site on 127.0.0.1 and prints its address. Plain Node, no dependencies.
 *
 *   node apps/viewer/serve.mjs [--dir DIR] [--port N]     (default: apps/viewer/dist, port 4173; 0 = any free port)
 *   node apps/viewer/serve.mjs --check-port [--port N]    (exits 1 if a port asked for is in use: npm start runs it before building)
 *
 * The port: `--port N`, else the PORT environment variable, else 4173 — and when 4173 (not asked
 * for) is in use, any free port, printed.
 *
 * Also importable: `startServer({ root, port, host })` resolves to `{ url, close }` (the tests use it).
 * Sends the same Content-Security-Policy as the page's meta tag (plus frame-ancestors, which a meta
 * tag cannot set), nosniff and no-referrer; serves only files inside the site folder (a symlink that
 * leads out of it is refused), and answers a file it cannot read with 403 or 500, not a crash.
 *
 * A second visit downloads nothing again: every file has validators (ETag, Last-Modified) and
 * `Cache-Control: no-cache`, so the browser asks each time and gets 304 Not Modified while the file
 * is unchanged. Text files are sent compressed when the browser accepts it (Brotli, else gzip),
 * compressed once per file version and kept in memory.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'self'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
};

function contentType(file) {
  if (path.basename(file) === 'SHA256SUMS') return 'text/plain; charset=utf-8';
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Types worth compressing (text); Parquet, PNG and archives are compressed already. */
const compressible = (type) => /^(text\/|application\/json|image\/svg\+xml)/.test(type);
/** Below this, compression saves less than a packet. */
const MIN_COMPRESSED_SIZE = 1024;
/**
 * Brotli quality 6 and gzip level 6. Measured on the site's data file (572 kB) and script (103 kB):
 * Brotli 6 takes 31 ms and 3 ms and gives 123 kB and 32 kB; quality 11 gives 108 kB and 30 kB but
 * takes 1,079 ms and 166 ms — about 40 s for the 30 MB data file of 100,000 claims.
 */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } };
const GZIP = { level: 6 };
const compress = { br: promisify(zlib.brotliCompress), gzip: promisify(zlib.gzip) };
/** Files larger than this are compressed as they are sent, not held in memory. */
const MAX_CACHED_FILE = 64 * 1024 * 1024;
/** Compressed copies kept, in bytes (the oldest go first). */
const CACHE_BYTES = 128 * 1024 * 1024;

/** The encoding to send: `br` when the browser accepts it at least as much as gzip, else `gzip`, else none. */
export function negotiateEncoding(header) {
  const weights = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    weights.set(name, Number.isFinite(q) ? q : 0);
  }
  const weight = (name) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = Math.max(weight('gzip'), weights.get('x-gzip') ?? 0);
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : null;
}

/** Whether an If-None-Match header names this version of the file (weak comparison, any encoding). */
function etagMatches(header, tag) {
  if (header.trim() === '*') return true;
  return header.split(',').some(
    (t) =>
      t
        .trim()
        .replace(/^W\//, '')
        .replace(/^"|"$/g, '')
        .replace(/-(br|gzip)$/, '') === tag,
  );
}

/** Compressed copies of files, by path, version and encoding. */
class CompressedCache {
  entries = new Map();
  bytes = 0;
  get(file, tag, encoding, read) {
    const key = `${file}\n${tag}\n${encoding}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        size: 0,
        data: read().then((data) =>
          compress[encoding](
            data,
            encoding === 'br'
              ? {
                  ...BROTLI,
                  params: {
                    ...BROTLI.params,
                    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                  },
                }
              : GZIP,
          ),
        ),
      };
      this.entries.set(key, entry);
      entry.data.then(
        (out) => {
          entry.size = out.length;
          this.bytes += out.length;
          for (const [k, e] of this.entries) {
            if (this.bytes <= CACHE_BYTES || k === key) break;
            this.entries.delete(k);
            this.bytes -= e.size;
          }
        },
        () => this.entries.delete(key),
      );
    }
    return entry.data;
  }
}

/** The HTTP status of a file system error: 404 for a missing file, 403 for one we may not read, else 500. */
function statusOf(error) {
  if (error?.code === 'ENOENT' || error?.code === 'ENOTDIR' || error?.code === 'EISDIR') return 404;
  if (error?.code === 'EACCES' || error?.code === 'EPERM' || error?.code === 'ELOOP') return 403;
  return 500;
}
const MESSAGES = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  500: 'Internal server error',
};

/** @param {{ root: string, port?: number, host?: string }} options */
export function startServer({ root, port = 0, host = '127.0.0.1' }) {
  const base = path.resolve(root);
  if (!fs.existsSync(path.join(base, 'index.html'))) {
    return Promise.reject(
      new Error(`no built site in ${base} (run: npm run build -w @encrochat-ledger/viewer)`),
    );
  }
  // Where the folder really is: files are served only when their real path is inside it.
  const realBase = fs.realpathSync(base);
  const cache = new CompressedCache();

  async function respond(req, res) {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    const fail = (status) =>
      res
        .writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`${MESSAGES[status]}\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, {
          ...headers,
          Allow: 'GET, HEAD',
          'Content-Type': 'text/plain; charset=utf-8',
        })
        .end('Method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return fail(400);
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(base, `.${pathname}`);
    if ((file !== base && !file.startsWith(base + path.sep)) || pathname.includes('\0'))
      return fail(403);

    let real;
    let stat;
    try {
      real = await fs.promises.realpath(file);
      if (real !== realBase && !real.startsWith(realBase + path.sep)) return fail(403);
      stat = await fs.promises.stat(real);
    } catch (error) {
      return fail(statusOf(error));
    }
    if (!stat.isFile()) return fail(404);
    let handle;
    try {
      handle = await fs.promises.open(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (error) {
      return fail(statusOf(error));
    }
    try {
      const type = contentType(real);
      const encoding =
        compressible(type) && stat.size >= MIN_COMPRESSED_SIZE
          ? negotiateEncoding(req.headers['accept-encoding'])
          : null;
      const tag = `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
      const validators = {
        ETag: `"${tag}${encoding ? `-${encoding}` : ''}"`,
        'Last-Modified': new Date(stat.mtimeMs).toUTCString(),
      };
      const vary = compressible(type) ? { Vary: 'Accept-Encoding' } : {};
      const ifNoneMatch = req.headers['if-none-match'];
      const ifModifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
      const unchanged =
        ifNoneMatch !== undefined
          ? etagMatches(ifNoneMatch, tag)
          : !Number.isNaN(ifModifiedSince) &&
            Math.floor(stat.mtimeMs / 1000) * 1000 <= ifModifiedSince;
      if (unchanged) {
        res.writeHead(304, { ...headers, ...validators, ...vary }).end();
        return;
      }
      const sent = { ...headers, ...validators, ...vary, 'Content-Type': type };
      if (!encoding) {
        res.writeHead(200, { ...sent, 'Content-Length': stat.size });
        if (req.method === 'HEAD') return void res.end();
        const stream = handle.createReadStream({ highWaterMark: 1 << 20 });
        handle = null; // the stream closes it
        pipeline(stream, res, () => {});
        return;
      }
      if (stat.size > MAX_CACHED_FILE) {
        res.writeHead(200, { ...sent, 'Content-Encoding': encoding });
        if (req.method === 'HEAD') return void res.end();
        const stream = handle.createReadStream({ highWaterMark: 1 << 20 });
        handle = null;
        pipeline(
          stream,
          encoding === 'br' ? zlib.createBrotliCompress(BROTLI) : zlib.createGzip(GZIP),
          res,
          () => {},
        );
        return;
      }
      const opened = handle;
      const body = await cache.get(real, tag, encoding, () => opened.readFile());
      res.writeHead(200, { ...sent, 'Content-Encoding': encoding, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } finally {
      await handle?.close().catch(() => {});
    }
  }

  const server = http.createServer((req, res) => {
    respond(req, res).catch(() => {
      if (!res.headersSent)
        res
          .writeHead(500, {
            'Content-Security-Policy': CSP,
            'X-Content-Type-Options': 'nosniff',
            'Referrer-Policy': 'no-referrer',
            'Content-Type': 'text/plain; charset=utf-8',
          })
          .end('Internal server error\n');
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/`;
      resolve({
        url,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

const DEFAULT_PORT = 4173;

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromEnv = process.env.PORT;
  if (fromEnv !== undefined && !isPort(fromEnv))
    throw new Error(`PORT=${fromEnv} is not a port number (0-65535)`);
  const options = {
    root: path.join(here, 'dist'),
    port: fromEnv === undefined ? DEFAULT_PORT : Number(fromEnv),
    asked: fromEnv !== undefined,
    checkPort: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--check-port') {
      options.checkPort = true;
      continue;
    }
    if (flag === '--dir' && value) options.root = path.resolve(value);
    else if (flag === '--port' && value && isPort(value))
      Object.assign(options, { port: Number(value), asked: true });
    else
      throw new Error(
        `usage: node serve.mjs [--dir DIR] [--port N] [--check-port] (got "${flag}")`,
      );
    i++;
  }
  return options;
}

function isPort(text) {
  return /^\d+$/.test(text) && Number(text) < 65536;
}

/** Resolves to true when `port` can be listened on at 127.0.0.1 now. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = http.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const inUse = (port) => `port ${port} is in use; pass --port N or set PORT (0 for any free port)`;

async function main(options) {
  if (options.checkPort) {
    if (options.port === 0 || (await portIsFree(options.port))) return;
    if (options.asked) {
      console.error(`encrochat-ledger viewer: ${inUse(options.port)}`);
      process.exit(1);
    }
    console.log(
      `encrochat-ledger viewer: port ${options.port} is in use; the viewer will use a free port`,
    );
    return;
  }
  let server;
  try {
    server = await startServer(options);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || options.asked) {
      console.error(
        `encrochat-ledger viewer: ${error.code === 'EADDRINUSE' ? inUse(options.port) : error.message}`,
      );
      process.exit(1);
    }
    server = await startServer({ ...options, port: 0 });
  }
  console.log(
    `encrochat-ledger viewer: ${server.url}  (serving ${path.relative(process.cwd(), options.root) || '.'}; Ctrl+C to stop)`,
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  main(options).catch((error) => {
    console.error(`encrochat-ledger viewer: ${error.message}`);
    process.exit(1);
  });
}
