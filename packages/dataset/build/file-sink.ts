import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/**
 * Writes files under a folder, recording each one's size and SHA-256 as it goes, and JSON arrays
 * item by item, so that a million rows never have to exist as one string (V8 caps strings at
 * about 512 MB). The bytes equal `JSON.stringify(value)` plus a newline.
 */
export class FileSink {
  readonly written = new Map<string, WrittenFile>();
  constructor(readonly root: string) {}

  private open(file: string) {
    const full = path.join(this.root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const fd = fs.openSync(full, 'w');
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      if (!pending.length) return;
      const buf = Buffer.from(pending.join(''));
      fs.writeSync(fd, buf);
      hash.update(buf);
      bytes += buf.length;
      pending = [];
      pendingLength = 0;
    };
    return {
      write(text: string) {
        pending.push(text);
        pendingLength += text.length;
        if (pendingLength > 1 << 22) flush();
      },
      close: () => {
        flush();
        fs.closeSync(fd);
        this.written.set(file, { bytes, sha256: hash.digest('hex') });
      },
    };
  }

  /** Writes bytes or text as they are. */
  raw(file: string, content: string | Buffer): void {
    const out = this.open(file);
    out.write(typeof content === 'string' ? content : content.toString('utf8'));
    out.close();
  }

  /** Writes a value as compact JSON (pretty when asked), streaming the arrays of an object's top level. */
  json(file: string, value: unknown, pretty = false): void {
    if (pretty) return this.raw(file, `${JSON.stringify(value, null, 2)}\n`);
    const out = this.open(file);
    const array = (items: readonly unknown[]) => {
      out.write('[');
      for (let i = 0; i < items.length; i++)
        out.write(i ? `,${JSON.stringify(items[i])}` : JSON.stringify(items[i]));
      out.write(']');
    };
    if (Array.isArray(value)) array(value);
    else if (value && typeof value === 'object') {
      out.write('{');
      let first = true;
      for (const [key, v] of Object.entries(value)) {
        if (v === undefined) continue;
        out.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
        if (Array.isArray(v)) array(v);
        else out.write(JSON.stringify(v));
        first = false;
      }
      out.write('}');
    } else out.write(JSON.stringify(value));
    out.write('\n');
    out.close();
  }
}
