/** A buffered, awaited file writer: text is gathered in memory up to a chunk size, then written. */
import fs from 'node:fs/promises';

const CHUNK = 1 << 20;

export class BufferedFileWriter {
  private parts: string[] = [];
  private size = 0;
  private constructor(private readonly handle: fs.FileHandle) {}

  /** Creates the file; fails if it exists (the exporter only writes into its own fresh folder). */
  static async create(file: string): Promise<BufferedFileWriter> {
    return new BufferedFileWriter(await fs.open(file, 'wx'));
  }

  /**
   * Appends text. Returns a promise only when a full chunk is being written: await it then, so
   * memory stays bounded (`const p = out.write(s); if (p) await p;`).
   */
  write(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (!this.parts.length) return;
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    await this.handle.write(buffer);
  }

  /** Writes what is left, flushes it to disk (fsync, unless `sync` is false) and closes the file. */
  async close({ sync = true }: { sync?: boolean } = {}): Promise<void> {
    try {
      await this.flush();
      if (sync) await this.handle.sync();
    } finally {
      await this.handle.close();
    }
  }
}
