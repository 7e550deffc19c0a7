/** A buffered, awaited file writer: text is encoded into a buffer of a chunk size, written when full, and hashed on the way. */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';

const CHUNK = 1 << 20;

export class BufferedFileWriter {
  private buffer = Buffer.allocUnsafe(CHUNK);
  private size = 0;
  private total = 0;
  private readonly hash: crypto.Hash | null;
  private constructor(
    private readonly handle: fs.FileHandle,
    hash: boolean,
  ) {
    this.hash = hash ? crypto.createHash('sha256') : null;
  }

  /** Creates the file; fails if it exists (the exporter only writes into its own fresh folder). `hash`: compute its SHA-256. */
  static async create(file: string, { hash = false }: { hash?: boolean } = {}): Promise<BufferedFileWriter> {
    return new BufferedFileWriter(await fs.open(file, 'wx'), hash);
  }

  /**
   * Appends text. Returns a promise only when a full chunk is being written: await it then, so
   * memory stays bounded (`const p = out.write(s); if (p) await p;`).
   */
  write(text: string): Promise<void> | undefined {
    // At most 3 bytes of UTF-8 per UTF-16 code unit.
    if (this.size + text.length * 3 > this.buffer.length) {
      if (text.length * 3 > this.buffer.length) return this.writeLarge(text);
      const pending = this.flush();
      this.size = this.buffer.write(text, 0);
      return pending;
    }
    this.size += this.buffer.write(text, this.size);
    return undefined;
  }

  private async writeLarge(text: string): Promise<void> {
    await this.flush();
    await this.put(Buffer.from(text, 'utf8'));
  }

  private async put(bytes: Buffer): Promise<void> {
    this.hash?.update(bytes);
    this.total += bytes.length;
    await this.handle.write(bytes);
  }

  /** Hands the filled part of the buffer to the file, and starts a new buffer. */
  private flush(): Promise<void> {
    if (!this.size) return Promise.resolve();
    const full = this.buffer.subarray(0, this.size);
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.size = 0;
    return this.put(full);
  }

  /** Writes what is left, flushes it to disk (fsync, unless `sync` is false) and closes the file; returns its size and SHA-256 (when hashed). */
  async close({ sync = true }: { sync?: boolean } = {}): Promise<{ bytes: number; sha256: string | null }> {
    try {
      await this.flush();
      if (sync) await this.handle.sync();
    } finally {
      await this.handle.close();
    }
    return { bytes: this.total, sha256: this.hash ? this.hash.digest('hex') : null };
  }
}
