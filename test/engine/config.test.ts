// Config is data: JSON only, validated key by key with messages that name the key and
// what was expected; invalid parts fall back to defaults.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  lint,
  parseConfigText,
  resolveConfig,
  configSchema,
  RULES,
  SHIPPED_CHECKLIST,
} from '../../server/src/engine/index.js';
import { findConfigFile, loadConfigFor } from '../../server/src/node/config-files.js';

describe('config', () => {
  it('the recommended profile follows the derived checklist', () => {
    const { config } = resolveConfig(undefined);
    for (const item of SHIPPED_CHECKLIST.items) {
      const rule = config.rules.get(item.id);
      if (!item.recommended) assert.equal(rule, undefined, `${item.id} should be off`);
      else assert.equal(rule?.severity, item.severity === 'error' ? 'error' : 'warning', item.id);
    }
    for (const id of ['children', 'change-notification', 'contact'])
      assert.equal(config.rules.get(id)?.severity, 'error');
  });

  it('"all" turns every rule on; rules override profiles', () => {
    const { config } = resolveConfig({
      extends: 'all',
      rules: { 'do-not-track': 'error', cookies: 'off', 'no-placeholders': ['warn', {}] },
    });
    assert.equal(config.rules.get('do-not-track')?.severity, 'error');
    assert.equal(config.rules.has('cookies'), false);
    assert.equal(config.rules.get('no-placeholders')?.severity, 'warning');
    assert.ok(config.rules.has('california-rights'));
  });

  it('reports bad JSON with its line and column', () => {
    const { errors, data } = parseConfigText(
      '{\n  "rules": {\n    "contact": "error"\n    "cookies": "off"\n  }\n}',
      '/p/.policylintrc.json',
    );
    assert.equal(data, undefined);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, 'invalid JSON: expected ","');
    assert.equal(errors[0].file, '/p/.policylintrc.json');
    assert.deepEqual([errors[0].line, errors[0].column], [4, 5]);
  });

  it('reads comments and trailing commas (JSON with comments)', () => {
    const text = [
      '// policylint settings',
      '{',
      '  /* the house style */',
      '  "extends": ["recommended", "gdpr",],',
      '  "rules": {',
      '    "cookies": "off", // we set no cookies',
      '  },',
      '}',
      '',
    ].join('\n');
    const { data, errors } = parseConfigText(text, 'c.jsonc');
    assert.deepEqual(errors, []);
    assert.deepEqual(data, { extends: ['recommended', 'gdpr'], rules: { cookies: 'off' } });
    assert.equal(resolveConfig(data).config.rules.has('cookies'), false);
  });

  it('an empty or comment-only file is one error at line 1', () => {
    for (const text of ['', '  \n', '\uFEFF'])
      assert.match(parseConfigText(text).errors[0].message, /the file is empty/);
    const { errors } = parseConfigText('// nothing yet\n');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 2);
  });

  it('puts each problem at the line and column of its key or value', () => {
    const text = '{\n  "rules": {\n    "cookies": "loud"\n  },\n  "colour": 1\n}';
    const { errors } = parseConfigText(text);
    const at = Object.fromEntries(errors.map((e) => [e.key, [e.line, e.column]]));
    assert.deepEqual(at['rules.cookies'], [3, 16], 'the bad value');
    assert.deepEqual(at.colour, [5, 3], 'the unknown key');
  });

  it('names the key and what was expected', () => {
    const text = JSON.stringify(
      {
        extends: 'strict',
        rules: { 'no-such-rule': 'warn', contact: 'loud', 'no-placeholders': ['warn', { bogus: 1 }] },
        company: 42,
        colour: 'red',
      },
      null,
      2,
    );
    const { errors } = parseConfigText(text, 'x.json');
    const byKey = Object.fromEntries(errors.map((e) => [e.key, e.message]));
    assert.match(byKey.extends, /unknown profile "strict"; expected "recommended", "all", "plain-language", "gdpr", /);
    assert.match(byKey['rules.no-such-rule'], /unknown rule "no-such-rule"/);
    assert.match(byKey['rules.contact'], /expected "off", "info", "warn" or "error"/);
    assert.match(byKey['rules.no-placeholders.bogus'], /unknown option "bogus"/);
    assert.match(byKey.company, /expected a string, got number 42/);
    assert.match(byKey.colour, /unknown key "colour"/);
    for (const e of errors) assert.ok(e.line, `${e.key} has a line`);
  });

  it('falls back to defaults for the keys in error and keeps the rest', () => {
    const { config, errors } = resolveConfig({ rules: { contact: 'loud' as never, cookies: 'off' } });
    assert.equal(errors.length, 1);
    assert.equal(config.rules.get('contact')?.severity, 'error', 'invalid setting ignored');
    assert.equal(config.rules.has('cookies'), false, 'valid setting kept');
  });

  it('accepts the starter config with empty fill-in values', () => {
    const { errors } = parseConfigText(
      JSON.stringify({ extends: 'recommended', rules: {}, company: '', contactEmail: '', postalAddress: '' }),
    );
    assert.deepEqual(errors, []);
  });

  it('publishes a JSON schema that lists every rule', () => {
    const schema = configSchema() as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((r) => r.meta.id).sort());
  });

  it('the published schema file is current (npm run build writes it)', () => {
    const published = JSON.parse(readFileSync('schema/policylintrc.schema.json', 'utf8'));
    assert.deepEqual(published, JSON.parse(JSON.stringify(configSchema())));
  });

  it('is found by walking up from the file, and --config overrides it', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-config-'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, '.policylintrc.json'), JSON.stringify({ rules: { cookies: 'off' } }));
    writeFileSync(join(root, 'other.json'), JSON.stringify({ rules: { cookies: 'error' } }));
    const file = join(root, 'a', 'b', 'privacy.md');
    assert.equal(findConfigFile(join(root, 'a', 'b')), join(root, '.policylintrc.json'));
    assert.equal(loadConfigFor(file).config.rules.has('cookies'), false);
    assert.equal(
      loadConfigFor(file, { configPath: join(root, 'other.json') }).config.rules.get('cookies')?.severity,
      'error',
    );
  });

  it('reports an unreadable config file by name', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-config-'));
    const loaded = loadConfigFor(join(root, 'privacy.md'), { configPath: join(root, 'missing.json') });
    assert.equal(loaded.errors.length, 1);
    assert.match(loaded.errors[0].message, /cannot read config file: no such file or directory/);
    assert.equal(loaded.errors[0].file, join(root, 'missing.json'));
  });

  it('turning a rule off removes its messages', () => {
    const text =
      '# Privacy Policy\n\nWe collect your email. We use it for receipts. We never share it with third parties.\n';
    const on = lint(text).messages.filter((m) => m.ruleId === 'children');
    const off = lint(text, { config: resolveConfig({ rules: { children: 'off' } }).config }).messages.filter(
      (m) => m.ruleId === 'children',
    );
    assert.equal(on.length, 1);
    assert.equal(off.length, 0);
  });
});
