#!/usr/bin/env node
// Packages the extension as policylint-<version>.vsix with @vscode/vsce (offline: nothing is
// published), after `npm run build`, then reads the .vsix back and checks what is inside:
// the bundles, grammar, snippets, docs, schema, icon, README, CHANGELOG and LICENSE, and no
// node_modules, sources, tests or source maps.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Files the .vsix must carry (paths in the repository). */
export const REQUIRED = [
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'images/icon.png',
  'language-configuration.json',
  'dist/client.cjs',
  'dist/server.cjs',
  'dist/browser/client.js',
  'dist/browser/server.js',
  'schema/policylintrc.schema.json',
  'snippets/privacy-policy.code-snippets',
  'syntaxes/privacy-policy.tmLanguage.json',
  'syntaxes/privacy-policy.injection.tmLanguage.json',
];

/** What must never be in the .vsix. */
export const FORBIDDEN = [/(^|\/)node_modules\//, /\.tsx?$/, /\.map$/, /^extension\/(client|server|test|scripts|out|bench|corpus|\.ci)\//, /\.vsix$/];

/** The names of the entries in a zip file, from its central directory. */
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`corrupt central directory at byte ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, size, method, compressed, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry (stored or deflated). */
export function zipRead(buf, entry) {
  const nameLen = buf.readUInt16LE(entry.local + 26);
  const extraLen = buf.readUInt16LE(entry.local + 28);
  const start = entry.local + 30 + nameLen + extraLen;
  const data = buf.subarray(start, start + entry.compressed);
  return entry.method === 0 ? data : inflateRawSync(data);
}

/** vsce stores README.md as readme.md, CHANGELOG.md as changelog.md and LICENSE as LICENSE.txt. */
function vsixName(path) {
  const renamed = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
  return `extension/${renamed[path] ?? path}`;
}

export function checkEntries(names) {
  const problems = [];
  for (const f of REQUIRED) if (!names.includes(vsixName(f))) problems.push(`missing ${f}`);
  for (const n of names) if (FORBIDDEN.some((re) => re.test(n))) problems.push(`should not contain ${n}`);
  return problems;
}

function main() {
  const missing = REQUIRED.filter((f) => !existsSync(join(root, f)));
  if (missing.length) {
    console.error(`package: missing ${missing.join(', ')}${missing.some((f) => f.startsWith('dist/') || f.startsWith('schema/')) ? ' (run npm run build first)' : ''}`);
    process.exit(1);
  }
  const out = `${pkg.name}-${pkg.version}.vsix`;
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const res = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`package: vsce package failed (exit ${res.status})`);
    process.exit(1);
  }
  const buf = readFileSync(join(root, out));
  const entries = zipEntries(buf);
  const problems = checkEntries(entries.map((e) => e.name));
  const manifest = JSON.parse(zipRead(buf, entries.find((e) => e.name === 'extension/package.json')).toString('utf8'));
  if (manifest.main !== './dist/client.cjs') problems.push(`main is ${manifest.main}`);
  if (problems.length) {
    console.error(`package: ${out} is wrong:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`package: ${out}: ${(statSync(join(root, out)).size / 1024).toFixed(1)} KiB, ${entries.length} entries, contents checked`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
