// The global Buffer in the web-worker server bundle (esbuild injects it where the shared Node
// code names Buffer): the file reader's chunks (allocUnsafe, concat, subarray), the size check
// (byteLength) and UTF-8 text. A Uint8Array underneath; only UTF-8 is spoken.
const encoder = new TextEncoder();

const utf8 = (encoding) => {
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding))
    throw new TypeError(`the browser Buffer speaks UTF-8 only, not ${encoding}`);
};

export class Buffer extends Uint8Array {
  static alloc(size) {
    return new Buffer(size);
  }
  static allocUnsafe(size) {
    return new Buffer(size);
  }
  static isBuffer(value) {
    return value instanceof Buffer;
  }
  /** UTF-8 bytes of a string, or a copy of bytes. */
  static from(value, encoding) {
    if (typeof value !== 'string') return new Buffer(value);
    utf8(encoding);
    const bytes = encoder.encode(value);
    return new Buffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  static byteLength(value, encoding) {
    if (typeof value !== 'string') return value.byteLength;
    utf8(encoding);
    return encoder.encode(value).byteLength;
  }
  static concat(list, totalLength) {
    const total = totalLength ?? list.reduce((n, b) => n + b.length, 0);
    const out = new Buffer(total);
    let at = 0;
    for (const b of list) {
      if (at >= total) break;
      const part = b.length > total - at ? b.subarray(0, total - at) : b;
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
  toString(encoding, start = 0, end = this.length) {
    utf8(encoding);
    return new TextDecoder().decode(this.subarray(start, end));
  }
}
export default { Buffer };
