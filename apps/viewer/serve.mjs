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
 * tag cannot set), nosniff and no-referrer; serves only files inside the site folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
};

function contentType(file) {
  if (path.basename(file) === 'SHA256SUMS') return 'text/plain; charset=utf-8';
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** @param {{ root: string, port?: number, host?: string }} options */
export function startServer({ root, port = 0, host = '127.0.0.1' }) {
  const base = path.resolve(root);
  if (!fs.existsSync(path.join(base, 'index.html'))) {
    return Promise.reject(new Error(`no built site in ${base} (run: npm run build -w @encrochat-ledger/viewer)`));
  }
  const server = http.createServer((req, res) => {
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(base, `.${pathname}`);
    if ((file !== base && !file.startsWith(base + path.sep)) || pathname.includes('\0')) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden\n');
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': contentType(file), 'Content-Length': stat.size });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(res);
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
  if (fromEnv !== undefined && !isPort(fromEnv)) throw new Error(`PORT=${fromEnv} is not a port number (0-65535)`);
  const options = { root: path.join(here, 'dist'), port: fromEnv === undefined ? DEFAULT_PORT : Number(fromEnv), asked: fromEnv !== undefined, checkPort: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--check-port') {
      options.checkPort = true;
      continue;
    }
    if (flag === '--dir' && value) options.root = path.resolve(value);
    else if (flag === '--port' && value && isPort(value)) Object.assign(options, { port: Number(value), asked: true });
    else throw new Error(`usage: node serve.mjs [--dir DIR] [--port N] [--check-port] (got "${flag}")`);
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
    console.log(`encrochat-ledger viewer: port ${options.port} is in use; the viewer will use a free port`);
    return;
  }
  let server;
  try {
    server = await startServer(options);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || options.asked) {
      console.error(`encrochat-ledger viewer: ${error.code === 'EADDRINUSE' ? inUse(options.port) : error.message}`);
      process.exit(1);
    }
    server = await startServer({ ...options, port: 0 });
  }
  console.log(`encrochat-ledger viewer: ${server.url}  (serving ${path.relative(process.cwd(), options.root) || '.'}; Ctrl+C to stop)`);
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
