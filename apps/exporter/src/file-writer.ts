/**
 * A buffered file writer: text is encoded into a buffer of a chunk size, handed to the file when
 * full, and hashed on the way.
 *
 * Double-buffered: while one buffer is being written (in libuv's thread pool), the next one fills.
 * A caller waits only when both are busy, so a slow reader at the other end (DuckDB reading a FIFO
 * in bursts) and the JavaScript producing the text run at the same time. The two buffers are
 * reused: allocating a large buffer per chunk costs page faults and garbage collections.
 */
import crypto from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';

/** The default chunk size. */
export const CHUNK = 1 << 20;
const EMPTY = Buffer.alloc(0);

export interface WriterOptions {
  /** Compute the SHA-256 of what is written. */
  hash?: boolean;
  /** Bytes per buffer. */
  chunkSize?: number;
}

export class BufferedFileWriter {
  private buffer: Buffer;
  /** The other buffer, free once `writing` has settled (null until first needed). */
  private spare: Buffer | null = null;
  private size = 0;
  private total = 0;
  /** The writes handed to the file, one after the other. */
  private writing: Promise<void> = Promise.resolve();
  private readonly hash: crypto.Hash | null;
  /** The file's descriptor once open (for abandon()). */
  private fd: number | null = null;
  private abandoned = false;

  private constructor(
    private readonly handle: Promise<fs.FileHandle>,
    { hash = false, chunkSize = CHUNK }: WriterOptions,
  ) {
    this.hash = hash ? crypto.createHash('sha256') : null;
    this.buffer = Buffer.allocUnsafe(chunkSize);
    // Awaited by the first write or by close(); a failure meanwhile must not count as unhandled.
    handle.then(
      (h) => (this.fd = h.fd),
      () => {},
    );
  }

  /** Creates the file; fails if it exists (the exporter only writes into its own fresh folder). */
  static async create(file: string, options: WriterOptions = {}): Promise<BufferedFileWriter> {
    return new BufferedFileWriter(Promise.resolve(await fs.open(file, 'wx')), options);
  }

  /**
   * A writer to a file being opened by `opening` (a FIFO, whose opening waits for its reader):
   * text is buffered meanwhile, and the first write waits for the file.
   */
  static opening(opening: Promise<fs.FileHandle>, options: WriterOptions = {}): BufferedFileWriter {
    return new BufferedFileWriter(opening, options);
  }

  /**
   * Appends text. Returns a promise only when a chunk is handed to the file and the other buffer is
   * still being written: await it then, so memory stays bounded (`const p = out.write(s); if (p) await p;`).
   */
  write(text: string): Promise<void> | undefined {
    // At most 3 bytes of UTF-8 per UTF-16 code unit.
    if (this.size + text.length * 3 > this.buffer.length) return this.flushThenWrite(text);
    this.size += this.buffer.write(text, this.size);
    return undefined;
  }

  private async flushThenWrite(text: string): Promise<void> {
    await this.flush();
    if (text.length * 3 <= this.buffer.length) {
      this.size = this.buffer.write(text, 0);
      return;
    }
    // Larger than a buffer: written on its own.
    this.hand(Buffer.from(text, 'utf8'));
    await this.writing;
  }

  /** Queues `bytes` to be written after what is queued already. */
  private hand(bytes: Buffer): void {
    this.hash?.update(bytes);
    this.total += bytes.length;
    this.writing = this.writing.then(() => this.writeAll(bytes));
    // Awaited by the next flush or by close(); a failure meanwhile must not count as unhandled.
    this.writing.catch(() => {});
  }

  /** Writes all of `bytes` (a pipe may take fewer bytes than given in one call). */
  private async writeAll(bytes: Buffer): Promise<void> {
    const handle = await this.handle;
    let done = 0;
    while (done < bytes.length)
      done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
  }

  /**
   * Hands the filled part of the buffer to the file and switches to the other buffer; resolves once
   * that one is free (its write done).
   */
  private flush(): Promise<void> {
    if (!this.size) return this.writing;
    const previous = this.writing;
    this.hand(this.buffer.subarray(0, this.size));
    const free = this.spare ?? Buffer.allocUnsafe(this.buffer.length);
    this.spare = this.buffer;
    this.buffer = free;
    this.size = 0;
    return previous;
  }

  /** Writes what is left, flushes it to disk (fsync, unless `sync` is false) and closes the file; returns its size and SHA-256 (when hashed). */
  async close({ sync = true }: { sync?: boolean } = {}): Promise<{
    bytes: number;
    sha256: string | null;
  }> {
    const handle = await this.handle;
    try {
      await this.flush();
      await this.writing;
      if (sync) await handle.sync();
    } finally {
      await handle.close();
      this.release();
    }
    return { bytes: this.total, sha256: this.hash ? this.hash.digest('hex') : null };
  }

  /** Drops the buffers (up to 64 MiB for a FIFO) as soon as the file is closed, whoever still holds the writer. */
  private release(): void {
    this.buffer = EMPTY;
    this.spare = null;
    this.size = 0;
  }

  /**
   * Closes the file at once, synchronously, whatever is in progress: for a process about to exit
   * on a signal, so that DuckDB reading the other end of a FIFO gets the end of its input and its
   * copy ends (a copy still waiting for input keeps the process from exiting).
   */
  abandon(): void {
    if (this.fd === null || this.abandoned) return;
    this.abandoned = true;
    try {
      fsSync.closeSync(this.fd);
    } catch {
      // Closed already.
    }
  }

  /** Closes after a failure, ignoring errors (what is buffered is dropped). */
  async discard(): Promise<void> {
    if (this.abandoned) return;
    try {
      await this.writing.catch(() => {});
      await (await this.handle).close();
    } catch {
      // Best effort: the folder is removed anyway.
    } finally {
      this.release();
    }
  }
}
