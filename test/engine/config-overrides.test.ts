// `overrides`: other profiles or rules for the files their globs match, by the path relative
// to the config's folder (the caller passes it: resolution stays pure). And the two file
// names, .policylintrc.json and .policylintrc.jsonc.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfigText, resolveConfig } from '../../server/src/engine/index.js';
import { globMatcher } from '../../server/src/engine/globs.js';
import { findConfigFile, loadConfigFor, readConfigFile } from '../../server/src/node/config-files.js';

const EU = {
  extends: 'recommended',
  rules: { 'sentence-length': 'off' },
  overrides: [
    { files: ['legal/eu/**'], extends: ['gdpr'], rules: { cookies: 'error' } },
    { files: ['*.draft.md'], rules: { 'no-placeholders': 'off' } },
  ],
} as const;

describe('config: overrides', () => {
  it('apply to the files their globs match, and only to those', () => {
    const eu = resolveConfig(EU as never, { path: 'legal/eu/privacy.md' }).config;
    const us = resolveConfig(EU as never, { path: 'legal/us/privacy.md' }).config;
    assert.deepEqual(eu.profiles, ['recommended', 'gdpr']);
    assert.deepEqual(us.profiles, ['recommended']);
    assert.ok(eu.rules.has('gdpr-legal-basis'), 'the override adds the GDPR profile');
    assert.equal(us.rules.has('gdpr-legal-basis'), false);
    assert.equal(eu.rules.get('cookies')?.severity, 'error');
    assert.equal(eu.rules.has('sentence-length'), false, 'the top-level rules still apply');
  });

  it('apply in order, later ones over earlier ones and over the top-level rules', () => {
    const data = {
      rules: { cookies: 'off' },
      overrides: [
        { files: ['a/**'], rules: { cookies: 'warn' } },
        { files: ['a/b/**'], rules: { cookies: 'error' } },
      ],
    };
    assert.equal(resolveConfig(data as never, { path: 'a/x.md' }).config.rules.get('cookies')?.severity, 'warning');
    assert.equal(resolveConfig(data as never, { path: 'a/b/x.md' }).config.rules.get('cookies')?.severity, 'error');
    assert.equal(resolveConfig(data as never, { path: 'c.md' }).config.rules.has('cookies'), false);
    assert.equal(resolveConfig(data as never).config.rules.has('cookies'), false, 'no path: no override');
  });

  it('a pattern without "/" matches a name anywhere; one with "/" is anchored at the config folder', () => {
    const m = globMatcher(['*.draft.md', 'legal/eu/**', '/top.md', 'archive']);
    assert.ok(m('x.draft.md'));
    assert.ok(m('deep/in/x.draft.md'));
    assert.ok(m('legal/eu/a/b.md'));
    assert.equal(m('other/legal/eu/b.md'), false);
    assert.ok(m('top.md'));
    assert.equal(m('sub/top.md'), false);
    assert.ok(m('old/archive/p.md'), 'a folder name takes in what is below it');
    assert.equal(m('../outside.md'), false, 'a path outside the folder');
    assert.equal(globMatcher([])('a.md'), false);
  });

  it('are validated: files is required, keys and rules are checked', () => {
    const { errors } = parseConfigText(
      JSON.stringify({ overrides: [{ rules: {} }, { files: 'x' }, { files: ['y'], extends: 'nope' }, 'z'] }, null, 2),
    );
    const keys = errors.map((e) => `${e.key}: ${e.message}`);
    assert.ok(
      keys.some((k) => /^overrides\[0\]: an override needs "files"/.test(k)),
      keys.join('\n'),
    );
    assert.ok(
      keys.some((k) => /^overrides\[1\]\.files: expected an array of glob patterns/.test(k)),
      keys.join('\n'),
    );
    assert.ok(
      keys.some((k) => /^overrides\[2\]\.extends: unknown profile "nope"/.test(k)),
      keys.join('\n'),
    );
    assert.ok(
      keys.some((k) => /^overrides\[3\]: expected an object/.test(k)),
      keys.join('\n'),
    );
    assert.match(parseConfigText('{"overrides": {}}').errors[0].message, /expected an array/);
  });

  it('the loader passes the path relative to the config file', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-overrides-'));
    mkdirSync(join(root, 'legal', 'eu'), { recursive: true });
    writeFileSync(join(root, '.policylintrc.json'), JSON.stringify(EU));
    assert.deepEqual(loadConfigFor(join(root, 'legal', 'eu', 'p.md')).config.profiles, ['recommended', 'gdpr']);
    assert.deepEqual(loadConfigFor(join(root, 'p.md')).config.profiles, ['recommended']);
  });
});

describe('config: file names', () => {
  it('finds .policylintrc.jsonc, with comments', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-jsonc-'));
    writeFileSync(join(root, '.policylintrc.jsonc'), '{\n  // no cookies here\n  "rules": { "cookies": "off", },\n}\n');
    assert.equal(findConfigFile(root), join(root, '.policylintrc.jsonc'));
    const loaded = loadConfigFor(join(root, 'p.md'));
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.config.rules.has('cookies'), false);
  });

  it('with both in one folder, .policylintrc.json wins and a warning says so', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-both-'));
    writeFileSync(join(root, '.policylintrc.json'), '{ "rules": { "cookies": "off" } }');
    writeFileSync(join(root, '.policylintrc.jsonc'), '{ "rules": { "cookies": "error" } }');
    assert.equal(findConfigFile(root), join(root, '.policylintrc.json'));
    const read = readConfigFile(join(root, '.policylintrc.json'));
    assert.equal(read.errors.length, 1);
    assert.equal(read.errors[0].severity, 'warning');
    assert.match(
      read.errors[0].message,
      /^\.policylintrc\.jsonc in the same folder is not used: \.policylintrc\.json wins/,
    );
    assert.equal(loadConfigFor(join(root, 'p.md')).config.rules.has('cookies'), false);
  });

  it('the nearer folder wins whatever the name', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-near-'));
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, '.policylintrc.json'), '{}');
    writeFileSync(join(root, 'sub', '.policylintrc.jsonc'), '{}');
    assert.equal(findConfigFile(join(root, 'sub')), join(root, 'sub', '.policylintrc.jsonc'));
  });
});
