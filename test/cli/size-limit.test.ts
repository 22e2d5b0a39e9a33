// The file-size limit: the `maxFileSize` config key (validated per key, in the schema),
// `--max-file-size`, and the CLI's refusal of a larger file or standard input without
// reading all of it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';
import {
  configSchema,
  DEFAULT_MAX_FILE_SIZE,
  formatSize,
  maxFileSizeOf,
  parseConfigText,
  parseSize,
  resolveConfig,
  sizeOverLimitText,
} from '../../server/src/engine/config.js';
import { BIN, copyFixtures, fixture, REPO_ROOT, run, runJson, tempDir } from './helpers.js';

const VALID: [unknown, number][] = [
  [1, 1],
  [5_000_000, 5_000_000],
  ['2000000', 2_000_000],
  ['5MB', 5_000_000],
  ['5 MB', 5_000_000],
  ['500 kb', 500_000],
  ['1.5 MiB', 1_572_864],
  ['2KiB', 2048],
  ['1 GB', 1_000_000_000],
  ['10 B', 10],
];
const INVALID: unknown[] = [0, -5, 1.5, '', '0 MB', 'five', '5 XB', ' 5MB', '5MB ', 'MB', null, true, [5], { mb: 5 }];

describe('cli: size limit', () => {
  describe('the maxFileSize config key', () => {
    it('reads bytes and sizes with units, and nothing else', () => {
      for (const [value, bytes] of VALID) assert.equal(parseSize(value), bytes, JSON.stringify(value));
      for (const value of INVALID) assert.equal(parseSize(value), undefined, JSON.stringify(value));
    });

    it('is resolved into the config, 5 MB by default', () => {
      assert.equal(DEFAULT_MAX_FILE_SIZE, 5_000_000);
      assert.equal(maxFileSizeOf(resolveConfig(undefined).config), DEFAULT_MAX_FILE_SIZE);
      assert.equal(maxFileSizeOf(undefined), DEFAULT_MAX_FILE_SIZE);
      assert.equal(maxFileSizeOf(resolveConfig({ maxFileSize: '2 MB' } as never).config), 2_000_000);
    });

    it('a bad value is one error naming the key and its line, and the default applies', () => {
      const text = '{\n  "extends": "recommended",\n  "maxFileSize": "lots"\n}\n';
      const { data, errors } = parseConfigText(text, 'cfg.json');
      assert.deepEqual(
        errors.map((e) => [e.file, e.key, e.line]),
        [['cfg.json', 'maxFileSize', 3]],
      );
      assert.match(errors[0].message, /^expected a size in bytes .*"5 MB".*, got string "lots"$/);
      assert.equal(maxFileSizeOf(resolveConfig(data, { validate: false }).config), DEFAULT_MAX_FILE_SIZE);
    });

    it('is in the JSON schema, whose pattern accepts exactly the texts parseSize reads', () => {
      const schema = configSchema() as {
        properties: Record<string, { oneOf: { type: string; pattern?: string; minimum?: number }[] }>;
      };
      const spec = schema.properties.maxFileSize;
      assert.ok(spec, 'maxFileSize is in the schema');
      assert.deepEqual(spec.oneOf[0], { type: 'integer', minimum: 1 });
      const pattern = new RegExp(spec.oneOf[1].pattern!);
      for (const value of [...VALID.map(([v]) => v), ...INVALID].filter((v) => typeof v === 'string') as string[]) {
        // "0 MB" has the shape of a size but is no limit: the schema's pattern cannot see that.
        if (value === '0 MB') continue;
        assert.equal(pattern.test(value), parseSize(value) !== undefined, JSON.stringify(value));
      }
    });

    it('the published schema file lists it', () => {
      const published = JSON.parse(
        fs.readFileSync(path.join(REPO_ROOT, 'schema/policylintrc.schema.json'), 'utf8'),
      ) as { properties: Record<string, unknown> };
      assert.deepEqual(
        published.properties.maxFileSize,
        (configSchema() as { properties: Record<string, unknown> }).properties.maxFileSize,
      );
    });
  });

  it('says a size and its limit so that they never look equal', () => {
    assert.deepEqual(sizeOverLimitText(52_428_800, 5_000_000), { size: '52.4 MB', limit: '5 MB' });
    assert.deepEqual(sizeOverLimitText(120_022, 100_000), { size: '120 KB', limit: '100 KB' });
    assert.deepEqual(sizeOverLimitText(5_000_400, 5_000_000), { size: '5000400 bytes', limit: '5000000 bytes' });
    assert.deepEqual(sizeOverLimitText(undefined, 64_000), { size: 'more than 64 KB', limit: '64 KB' });
  });

  describe('--max-file-size', () => {
    it('takes bytes or a size with a unit', () => {
      assert.equal(parseArgs(['a.md', '--max-file-size', '2MB']).maxFileSize, 2_000_000);
      assert.equal(parseArgs(['a.md', '--max-file-size=1500']).maxFileSize, 1500);
      assert.equal(parseArgs(['a.md']).maxFileSize, undefined);
    });

    it('refuses anything else with one sentence, and only when linting', () => {
      for (const bad of ['0', 'big', '-1', '5 XB']) {
        assert.throws(
          () => parseArgs(['a.md', '--max-file-size', bad]),
          (e: Error) => e instanceof UsageError && /^--max-file-size expects a size/.test(e.message),
        );
      }
      assert.throws(
        () => parseArgs(['derive', 'a.md', '--max-file-size', '1MB']),
        /--max-file-size cannot be used with policylint derive/,
      );
    });
  });

  describe('refusing a file over the limit', () => {
    const policy = fixture('clean-policy.md');
    const bytes = Buffer.byteLength(policy);
    let dir: string;
    before(() => {
      dir = copyFixtures(tempDir(), {
        'small/clean-policy.md': 'clean-policy.md',
        'big/clean-policy.md': 'clean-policy.md',
        'big/short.md': 'not-a-policy.md',
      });
      // The limit sits between the two files' sizes: short.md is under it, clean-policy.md over it.
      assert.ok(Buffer.byteLength(fixture('not-a-policy.md')) < bytes - 10);
      fs.writeFileSync(path.join(dir, 'big', '.policylintrc.json'), JSON.stringify({ maxFileSize: bytes - 10 }));
    });

    it('uses the limit of the file’s own config: one line naming the file, its size and the limit, exit 2, the others linted', async () => {
      // 10 bytes apart, the two would read the same in KB: the message gives bytes.
      assert.equal(formatSize(bytes), formatSize(bytes - 10));
      const r = await runJson(['small', 'big'], { cwd: dir });
      assert.equal(r.code, 2);
      const lines = r.stderr.trim().split('\n');
      assert.deepEqual(lines, [
        `big/clean-policy.md: error: too large to lint: ${bytes} bytes, over the ${bytes - 10} bytes limit (raise it with --max-file-size or "maxFileSize" in .policylintrc.json)`,
      ]);
      assert.deepEqual(
        r.json.results.map((x) => x.file),
        ['small/clean-policy.md', 'big/short.md'],
      );
      assert.deepEqual(
        r.json.errors.map((e) => e.file),
        ['big/clean-policy.md'],
      );
    });

    it('--max-file-size overrides every config, both ways', async () => {
      const raised = await runJson(['small', 'big', '--max-file-size', String(bytes)], { cwd: dir });
      assert.equal(raised.stderr, '');
      assert.equal(raised.json.results.length, 3);
      const lowered = await runJson(['small', 'big', '--max-file-size', '10B'], { cwd: dir });
      assert.equal(lowered.code, 2);
      assert.equal(lowered.json.results.length, 0);
      assert.equal(lowered.stderr.trim().split('\n').length, 3);
      assert.match(
        lowered.stderr,
        /^small\/clean-policy\.md: error: too large to lint: [\d.]+ KB, over the 10 bytes limit/m,
      );
    });

    it('a bad maxFileSize is reported once with its line, and the default applies', async () => {
      const bad = copyFixtures(tempDir(), ['clean-policy.md']);
      fs.writeFileSync(path.join(bad, '.policylintrc.json'), '{\n  "maxFileSize": -3\n}\n');
      const r = await runJson(['clean-policy.md'], { cwd: bad });
      assert.equal(r.code, 2);
      assert.deepEqual(r.stderr.trim().split('\n').length, 1);
      assert.match(
        r.stderr,
        /^\.policylintrc\.json:2:\d+: error: maxFileSize: expected a size in bytes .*, got number -3$/m,
      );
      assert.equal(r.json.results.length, 1, 'linted under the default limit');
    });

    it('standard input over the limit: refused after reading just past it', async () => {
      const r = await run(['-', '--max-file-size', '1KB'], { stdin: policy });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^<stdin>: error: too large to lint: more than 1 KB, over the 1 KB limit/);
    });

    it('the process stops reading an endless standard input at the limit and exits 2', async function () {
      this.timeout(20_000);
      const child = spawn(process.execPath, [BIN, '-', '--max-file-size', '64KB'], {
        cwd: REPO_ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.resume();
      const chunk = Buffer.from('We collect the email address you give us. '.repeat(400));
      let written = 0;
      let open = true;
      child.stdin.on('error', () => (open = false)); // EPIPE once the CLI has stopped reading and exited
      const pump = () => {
        while (open && child.stdin.write(chunk)) {
          written += chunk.length;
          if (written > 1e9) return; // a CLI that never stops reading: stop here rather than fill the disk
        }
        if (open) child.stdin.once('drain', pump);
      };
      pump();
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      open = false;
      assert.equal(code, 2);
      assert.match(stderr, /<stdin>: error: too large to lint: more than 64 KB, over the 64 KB limit/);
      assert.ok(written < 100_000_000, `wrote ${written} bytes before the CLI stopped`);
    });
  });
});
