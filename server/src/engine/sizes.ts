// File sizes: the default limit, reading a limit from config, and sizes for messages. Kept apart
// from config.ts so the file reader (and the client that decodes through it) needs nothing else.
/** Documents larger than this many bytes (UTF-8) are not linted unless `maxFileSize` says otherwise: 5 MB. */
export const DEFAULT_MAX_FILE_SIZE = 5_000_000;
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};
/** A size as text: a number and an optional unit, e.g. "5 MB", "512KB", "1.5 MiB", "2000000". */
export const SIZE_TEXT = '^([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgG][iI]?[bB]|[bB])?$';
const SIZE_RE = new RegExp(SIZE_TEXT);
export const SIZE_EXPECTED = 'a size in bytes (a whole number above 0) or a text such as "5 MB", "500 KB" or "2 MiB"';

/**
 * Reads a file-size limit: a whole number of bytes, or a number with a unit (B, KB, MB, GB,
 * or KiB, MiB, GiB). Undefined when the value is not a size above zero.
 */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = SIZE_RE.exec(value);
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * SIZE_UNITS[(m[2] ?? 'b').toLowerCase()]);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** A byte count for people: "52.4 MB", "10 MB", "500 KB", "900 bytes" (decimal units, as `parseSize` reads them). */
export function formatSize(bytes: number): string {
  const [n, unit] =
    bytes >= 1e6 ? [bytes / 1e6, 'MB'] : bytes >= 1e3 ? [bytes / 1e3, 'KB'] : [bytes, bytes === 1 ? 'byte' : 'bytes'];
  return `${Number(n.toFixed(1))} ${unit}`;
}

/** A size and the limit it is over, for a message: in bytes when rounding would make them look equal. */
export function sizeOverLimitText(size: number | undefined, limit: number): { size: string; limit: string } {
  if (size === undefined) return { size: `more than ${formatSize(limit)}`, limit: formatSize(limit) };
  if (formatSize(size) !== formatSize(limit)) return { size: formatSize(size), limit: formatSize(limit) };
  return { size: `${size} bytes`, limit: `${limit} bytes` };
}
