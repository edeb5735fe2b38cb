/** A growable byte buffer for building COPY text without intermediate strings. */
export class ByteOutput {
  buffer: Buffer;
  length = 0;

  constructor(capacity = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `more` bytes. */
  reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + more));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  /** Copies `source[start, end)`. */
  bytes(source: Buffer, start: number, end: number): void {
    const n = end - start;
    this.reserve(n);
    if (n < 64) {
      const out = this.buffer;
      let o = this.length;
      for (let i = start; i < end; i++) out[o++] = source[i];
    } else {
      source.copy(this.buffer, this.length, start, end);
    }
    this.length += n;
  }

  /** Appends a string as UTF-8. */
  text(value: string): void {
    this.reserve(value.length * 3);
    this.length += this.buffer.write(value, this.length);
  }

  /** The bytes written so far, handed over; the output starts empty again in a new buffer. */
  take(): Buffer {
    const out = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(Math.max(1 << 16, this.length + (this.length >> 3)));
    this.length = 0;
    return out;
  }
}
