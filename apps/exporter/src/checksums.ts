/** SHA-256 of the written files, and the SHA256SUMS file (`sha256sum -c SHA256SUMS` checks it). */
import crypto from 'node:crypto';
import fs from 'node:fs';

export interface FileDigest {
  /** Path relative to the export folder, with `/`. */
  path: string;
  bytes: number;
  sha256: string;
}

/** Streams a file through SHA-256. */
export async function digestFile(file: string, relative: string): Promise<FileDigest> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: relative, bytes, sha256: hash.digest('hex') };
}

/** The SHA256SUMS text: `<hex>  <path>` per file (GNU coreutils format), sorted by path. */
export function sha256sums(digests: readonly FileDigest[]): string {
  return [...digests]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((d) => `${d.sha256}  ${d.path}\n`)
    .join('');
}
