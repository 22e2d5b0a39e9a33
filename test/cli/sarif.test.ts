import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsUrl, RULES } from '../../server/src/engine/index.js';
import { copyFixtures, fixture, REPO_ROOT, run, runJson, tempDir } from './helpers.js';

const LEVELS = ['none', 'note', 'warning', 'error'];

interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

function isAbsoluteUrl(s: string): boolean {
  try {
    return Boolean(new URL(s).protocol);
  } catch {
    return false;
  }
}

/** The properties GitHub code scanning requires or relies on, checked one by one. */
function validateForGitHub(sarif: Sarif): void {
  assert.equal(typeof sarif.$schema, 'string');
  assert.ok(isAbsoluteUrl(sarif.$schema));
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs.length, 1);
  const [runObj] = sarif.runs;
  const { driver } = runObj.tool;
  assert.equal(driver.name, 'policylint');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.ok(isAbsoluteUrl(driver.informationUri));
  const ids = driver.rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  for (const rule of driver.rules) {
    assert.ok(rule.id);
    assert.ok(rule.shortDescription.text.length > 0, `${rule.id}: shortDescription`);
    assert.ok(rule.fullDescription.text.length > 0, `${rule.id}: fullDescription`);
    assert.ok(isAbsoluteUrl(rule.helpUri), `${rule.id}: helpUri`);
    assert.ok(LEVELS.includes(rule.defaultConfiguration.level), `${rule.id}: level`);
  }
  const base = runObj.originalUriBaseIds['%SRCROOT%'];
  assert.ok(base.uri.startsWith('file://') && base.uri.endsWith('/'));
  for (const res of runObj.results) {
    assert.equal(typeof res.ruleId, 'string');
    assert.ok(Number.isInteger(res.ruleIndex));
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
    assert.ok(['note', 'warning', 'error'].includes(res.level));
    assert.ok(res.message.text.length > 0);
    assert.ok(res.locations.length >= 1);
    const loc = res.locations[0].physicalLocation;
    assert.ok(!loc.artifactLocation.uri.includes('\\'), 'forward slashes');
    assert.ok(!loc.artifactLocation.uri.startsWith('/'), 'relative to %SRCROOT%');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    const reg = loc.region;
    assert.ok(reg.startLine >= 1 && reg.startColumn >= 1 && reg.endLine >= reg.startLine && reg.endColumn >= 1);
    if (reg.endLine === reg.startLine) assert.ok(reg.endColumn >= reg.startColumn);
    const fps = Object.values(res.partialFingerprints);
    assert.ok(fps.length >= 1 && fps.every((f) => typeof f === 'string' && f.length > 0));
  }
}

describe('cli: --format sarif', () => {
  it('is SARIF 2.1.0 with every rule, each linking to its docs page', async () => {
    const r = await run(['corpus', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout) as Sarif;
    validateForGitHub(sarif);
    const { driver } = sarif.runs[0].tool;
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(driver.version, pkg.version);
    for (const rule of RULES) {
      const d = driver.rules.find((x) => x.id === rule.meta.id);
      assert.ok(d, `${rule.meta.id} described`);
      assert.equal(d.helpUri, docsUrl(rule.meta.id));
    }
  });

  it('describes each rule from its docs page: a full sentence, the first paragraph, the page as help', async () => {
    const r = await run(['corpus', '--format', 'sarif']);
    const { driver } = (JSON.parse(r.stdout) as Sarif).runs[0].tool;
    for (const rule of RULES) {
      const d = driver.rules.find((x) => x.id === rule.meta.id) as SarifRule & {
        help: { text: string; markdown: string };
      };
      const page = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules', `${rule.meta.id}.md`), 'utf8');
      const short = d.shortDescription.text;
      assert.match(short, /^[A-Z][^\n]*[\w)"'”]\.$/, `${rule.meta.id}: "${short}" is not a sentence`);
      assert.ok(short.split(' ').length >= 5, `${rule.meta.id}: "${short}" is too short for a sentence`);
      assert.ok(!/`|\*\*|\]\(/.test(d.fullDescription.text), `${rule.meta.id}: Markdown left in the full description`);
      const firstParagraph = page.split(/\n\s*\n/)[1];
      assert.ok(
        firstParagraph.replace(/\s+/g, ' ').startsWith(d.fullDescription.text.slice(0, 20)),
        `${rule.meta.id}: full description is not the page's first paragraph`,
      );
      assert.ok(short.replace(/\.$/, '').length <= d.fullDescription.text.length);
      assert.match(d.help.markdown, /## Failing example[\s\S]*## Passing example/);
      assert.ok(d.help.markdown.includes(docsUrl(rule.meta.id)));
    }
  });

  it('has one result per diagnostic, located relative to the working directory', async () => {
    const dir = copyFixtures(tempDir(), {
      'drafts/our policy.md': 'missing-sections.md',
      'caps.md': 'caps-outline.md',
    });
    const sarif = JSON.parse((await run(['drafts', 'caps.md', '--format', 'sarif'], { cwd: dir })).stdout) as Sarif;
    validateForGitHub(sarif);
    const { json } = await runJson(['drafts', 'caps.md'], { cwd: dir });
    const diagnostics = json.results.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.file })));
    const results = sarif.runs[0].results;
    assert.ok(results.length > 0, 'missing-sections.md has findings');
    assert.equal(results.length, diagnostics.length);
    const uris = new Set(results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('drafts/our%20policy.md'), [...uris].join(', '));
    results.forEach((res, i) => {
      const d = diagnostics[i];
      assert.equal(res.ruleId, d.ruleId);
      assert.equal(res.level, d.severity === 'info' ? 'note' : d.severity);
      assert.deepEqual(res.locations[0].physicalLocation.region, {
        startLine: d.line,
        startColumn: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      });
    });
    assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
  });

  it('keeps fingerprints stable when lines move', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'p.md'), fixture('missing-sections.md'));
    const first = JSON.parse((await run(['p.md', '--format', 'sarif'], { cwd: dir })).stdout) as Sarif;
    // Two blank lines in the middle move every finding below them.
    fs.writeFileSync(
      path.join(dir, 'p.md'),
      fixture('missing-sections.md').replace('**Cookies.**', '\n\n**Cookies.**'),
    );
    const moved = JSON.parse((await run(['p.md', '--format', 'sarif'], { cwd: dir })).stdout) as Sarif;
    const prints = (s: Sarif) =>
      s.runs[0].results.map((x) => `${x.ruleId} ${JSON.stringify(x.partialFingerprints)}`).sort();
    const lines = (s: Sarif) => s.runs[0].results.map((x) => x.locations[0].physicalLocation.region.startLine);
    assert.ok(first.runs[0].results.length > 0);
    assert.deepEqual(prints(moved), prints(first));
    assert.notDeepEqual(lines(moved), lines(first));
    const all = first.runs[0].results.map((x) => JSON.stringify(x.partialFingerprints));
    assert.equal(new Set(all).size, all.length, 'distinct findings, distinct fingerprints');
  });
});
