import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';
import { colors, useColor } from '../../server/src/cli/color.js';
import { decodeBytes, describeFsError, encodeText } from '../../server/src/node/read-file.js';
import { formatSize } from '../../server/src/engine/config.js';

describe('cli: argument parsing', () => {
  it('reads options in both spellings and keeps paths in order', () => {
    const a = parseArgs([
      'a.md',
      '--format=json',
      'b/',
      '--max-warnings',
      '3',
      '-',
      '--fix',
      '--profile',
      'all',
      '-c',
      'x.json',
    ]);
    assert.deepEqual(a.paths, ['a.md', 'b/', '-']);
    assert.equal(a.format, 'json');
    assert.equal(a.maxWarnings, 3);
    assert.equal(a.fix, true);
    assert.equal(a.profile, 'all');
    assert.equal(a.config, 'x.json');
    assert.equal(a.command, 'lint');
  });

  it('takes everything after -- as a path', () => {
    assert.deepEqual(parseArgs(['--', '--fix', '-q']).paths, ['--fix', '-q']);
  });

  it('knows the subcommands and their options', () => {
    const d = parseArgs(['derive', 'corpus/a.md', '--min-coverage', '0.75', '-o', 'c.json']);
    assert.equal(d.command, 'derive');
    assert.equal(d.minCoverage, 0.75);
    assert.equal(d.output, 'c.json');
    assert.equal(parseArgs(['derive', 'x']).minCoverage, 0.6);
    assert.equal(parseArgs(['init']).command, 'init');
    assert.deepEqual(parseArgs(['init', 'x.md']).paths, ['x.md'], 'init takes one draft to guess the profiles from');
    assert.equal(parseArgs(['init', '--profile', 'gdpr']).profile, 'gdpr');
    assert.throws(() => parseArgs(['init', 'x.md', 'y.md']), UsageError);
    assert.throws(() => parseArgs(['-o', 'x.json', 'a.md']), /-o cannot be used when linting/);
  });

  it('rejects bad values with one sentence', () => {
    assert.throws(() => parseArgs(['--max-warnings', '2.5']), /--max-warnings expects a whole number/);
    assert.throws(() => parseArgs(['--fix=yes']), /--fix takes no value/);
    assert.throws(() => parseArgs(['--config']), /--config needs a value/);
    assert.throws(
      () => parseArgs(['--format', 'html']),
      /--format expects one of stylish, json, sarif, github, gitlab, got "html"/,
    );
  });
});

describe('cli: colour decision', () => {
  it('follows --no-color/--color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    assert.equal(useColor(undefined, true, {}), true);
    assert.equal(useColor(undefined, false, {}), false);
    assert.equal(useColor(undefined, true, { NO_COLOR: '1' }), false);
    assert.equal(useColor(undefined, true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count');
    assert.equal(useColor(undefined, false, { FORCE_COLOR: '1' }), true);
    assert.equal(useColor(undefined, true, { FORCE_COLOR: 'false' }), false);
    assert.equal(useColor(false, true, { FORCE_COLOR: '1' }), false);
    assert.equal(useColor(true, false, { NO_COLOR: '1' }), true);
    assert.equal(colors(false).red('x'), 'x');
    assert.equal(colors(true).red('x'), '\u001b[31mx\u001b[39m');
  });
});

describe('cli: reading bytes', () => {
  it('decodes UTF-8, strips and remembers a BOM', () => {
    const r = decodeBytes(Buffer.from('\uFEFF# Privacy\n', 'utf8'));
    assert.deepEqual(r, { ok: true, text: '# Privacy\n', bom: true, encoding: 'utf-8' });
    assert.deepEqual(decodeBytes(Buffer.from('é\n')), { ok: true, text: 'é\n', bom: false, encoding: 'utf-8' });
  });

  it('decodes UTF-16 with or without a BOM, and writes it back the same way', () => {
    const le = Buffer.from('\uFEFF# Privacy é\n', 'utf16le');
    assert.deepEqual(decodeBytes(le), { ok: true, text: '# Privacy é\n', bom: true, encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    assert.deepEqual(decodeBytes(be), { ok: true, text: '# Privacy é\n', bom: true, encoding: 'utf-16be' });
    const bare = Buffer.from('# Privacy\n', 'utf16le');
    assert.deepEqual(decodeBytes(bare), { ok: true, text: '# Privacy\n', bom: false, encoding: 'utf-16le' });
    assert.deepEqual(decodeBytes(Buffer.from(bare).swap16()), {
      ok: true,
      text: '# Privacy\n',
      bom: false,
      encoding: 'utf-16be',
    });
    assert.deepEqual(encodeText('# Privacy é\n', 'utf-16be', true), be);
    assert.deepEqual(encodeText('# Privacy\n', 'utf-16le', false), bare);
    assert.deepEqual(encodeText('é', 'utf-8', true), Buffer.from('\uFEFFé'));
  });

  it('refuses binary, broken UTF-16, invalid UTF-8 and blank input', () => {
    assert.match((decodeBytes(Buffer.from([0x41, 0, 0x42])) as { message: string }).message, /binary/);
    assert.match((decodeBytes(Buffer.from([0x41, 0, 0x42, 0x43])) as { message: string }).message, /binary/);
    assert.match(
      (decodeBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])) as { message: string }).message,
      /not valid UTF-16LE/,
    );
    assert.match(
      (decodeBytes(Buffer.from([0x61, 0x62, 0xc3, 0x28])) as { message: string }).message,
      /not valid UTF-8 \(first bad byte at offset 2\)/,
    );
    assert.deepEqual(decodeBytes(Buffer.from(' \n\t\n')), { ok: false, kind: 'skip', message: 'empty file, skipped' });
  });

  it('describes file-system errors in words', () => {
    assert.equal(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' })), 'permission denied');
    assert.equal(describeFsError(Object.assign(new Error('x'), { code: 'EWHAT' })), 'cannot read (EWHAT)');
    assert.equal(formatSize(52_428_800), '52.4 MB');
    assert.equal(formatSize(10_000_000), '10 MB');
    assert.equal(formatSize(500_000), '500 KB');
    assert.equal(formatSize(1_536), '1.5 KB');
    assert.equal(formatSize(999), '999 bytes');
  });
});
