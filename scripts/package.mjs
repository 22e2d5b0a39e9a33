#!/usr/bin/env node
// Packages, after `npm run build`, offline (nothing is published):
// - the extension as policylint-<version>.vsix with @vscode/vsce, with the Marketplace README
//   (packaging/README.marketplace.md), then reads the .vsix back and checks what is inside:
//   the bundles, grammar, snippets, docs, schema, icon, README, CHANGELOG and LICENSE, and no
//   node_modules, sources, tests or source maps;
// - the command-line tool and the language server as an npm tarball, policylint-<version>.tgz:
//   two single-file bins (dist/policylint.cjs, dist/policylint-language-server.cjs), no
//   dependencies, the user README (packaging/README.npm.md), the rule docs, the schema.
//   `npm install -g ./policylint-<version>.tgz` installs both commands.
// `node scripts/package.mjs --tarball [--pack-destination DIR]` makes only the tarball, in DIR
// (the repository root by default); the install test uses it.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
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
export const FORBIDDEN = [
  /(^|\/)node_modules\//,
  /\.tsx?$/,
  /\.map$/,
  /^extension\/(client|server|test|scripts|out|bench|corpus|\.ci)\//,
  /\.vsix$/,
];

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

/** What the npm tarball carries, besides its package.json (paths in the repository → in the package). */
export const TARBALL_FILES = {
  'packaging/README.npm.md': 'README.md',
  'CHANGELOG.md': 'CHANGELOG.md',
  LICENSE: 'LICENSE',
  'dist/policylint.cjs': 'dist/policylint.cjs',
  'dist/policylint-language-server.cjs': 'dist/policylint-language-server.cjs',
  'schema/policylintrc.schema.json': 'schema/policylintrc.schema.json',
  'docs/rules': 'docs/rules',
};

/** The package.json of the npm tarball: both bins, no dependencies, no scripts. */
export function tarballManifest() {
  return {
    name: pkg.name,
    version: pkg.version,
    description:
      'Lints draft privacy policies written in Markdown: the policylint command (for CI) and the policylint language server (for any LSP editor).',
    license: pkg.license,
    repository: pkg.repository,
    keywords: pkg.keywords,
    engines: { node: pkg.engines.node },
    bin: {
      policylint: 'dist/policylint.cjs',
      'policylint-language-server': 'dist/policylint-language-server.cjs',
    },
    files: ['dist/', 'docs/', 'schema/'],
  };
}

/** Builds policylint-<version>.tgz in `outDir` (the repository root by default) and returns its path. */
export function buildTarball(outDir = root) {
  const missing = Object.keys(TARBALL_FILES).filter((f) => !existsSync(join(root, f)));
  if (missing.length) throw new Error(`missing ${missing.join(', ')} (run npm run build first)`);
  const stage = mkdtempSync(join(tmpdir(), 'policylint-pack-'));
  try {
    for (const [from, to] of Object.entries(TARBALL_FILES)) {
      mkdirSync(join(stage, to, '..'), { recursive: true });
      if (statSync(join(root, from)).isDirectory()) cpSync(join(root, from), join(stage, to), { recursive: true });
      else copyFileSync(join(root, from), join(stage, to));
    }
    for (const bin of Object.values(tarballManifest().bin)) chmodSync(join(stage, bin), 0o755);
    writeFileSync(join(stage, 'package.json'), JSON.stringify(tarballManifest(), null, 2) + '\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const res = spawnSync(npm, ['pack', '--json', '--pack-destination', outDir], {
      cwd: stage,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (res.status !== 0) throw new Error(`npm pack failed (exit ${res.status}): ${res.stderr}`);
    const [info] = JSON.parse(res.stdout);
    const problems = checkTarballFiles(info.files.map((f) => f.path));
    if (problems.length) throw new Error(`${info.filename} is wrong:\n  ${problems.join('\n  ')}`);
    return join(outDir, info.filename);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** What is wrong with the tarball's file list (paths inside the package). */
export function checkTarballFiles(paths) {
  const problems = [];
  for (const f of [
    'package.json',
    'README.md',
    'LICENSE',
    ...Object.values(tarballManifest().bin),
    'schema/policylintrc.schema.json',
    'docs/rules/README.md',
  ]) {
    if (!paths.includes(f)) problems.push(`missing ${f}`);
  }
  for (const p of paths) if (/(^|\/)node_modules\/|\.tsx?$|\.map$/.test(p)) problems.push(`should not contain ${p}`);
  return problems;
}

function packTarball() {
  const at = process.argv.indexOf('--pack-destination');
  try {
    const file = buildTarball(at > 0 ? process.argv[at + 1] : root);
    console.log(`package: ${file}: ${(statSync(file).size / 1024).toFixed(1)} KiB, contents checked`);
  } catch (err) {
    console.error(`package: ${err.message}`);
    process.exit(1);
  }
}

function main() {
  if (process.argv.includes('--tarball')) return packTarball();
  const missing = REQUIRED.filter((f) => !existsSync(join(root, f)));
  if (missing.length) {
    console.error(
      `package: missing ${missing.join(', ')}${missing.some((f) => f.startsWith('dist/') || f.startsWith('schema/')) ? ' (run npm run build first)' : ''}`,
    );
    process.exit(1);
  }
  const out = `${pkg.name}-${pkg.version}.vsix`;
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const res = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--readme-path', 'packaging/README.marketplace.md', '--out', out],
    { cwd: root, stdio: 'inherit' },
  );
  if (res.status !== 0) {
    console.error(`package: vsce package failed (exit ${res.status})`);
    process.exit(1);
  }
  const buf = readFileSync(join(root, out));
  const entries = zipEntries(buf);
  const problems = checkEntries(entries.map((e) => e.name));
  const manifest = JSON.parse(
    zipRead(
      buf,
      entries.find((e) => e.name === 'extension/package.json'),
    ).toString('utf8'),
  );
  if (manifest.main !== './dist/client.cjs') problems.push(`main is ${manifest.main}`);
  if (problems.length) {
    console.error(`package: ${out} is wrong:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `package: ${out}: ${(statSync(join(root, out)).size / 1024).toFixed(1)} KiB, ${entries.length} entries, contents checked`,
  );
  packTarball();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
