// One source for placeholders: the grammar's placeholder patterns are written from the engine's
// (GRAMMAR_PLACEHOLDERS, by scripts/gen-grammar.mjs), and on a table of cases every placeholder
// the rule reports is coloured, and every coloured one reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, resolveConfig } from '../../server/src/engine/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const onig = require('vscode-oniguruma') as typeof import('vscode-oniguruma');

const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'privacy-policy.tmLanguage.json'), 'utf8')) as {
  repository: { placeholder: { patterns: { match: string }[] } };
};
const config = resolveConfig({
  extends: 'recommended',
  rules: Object.fromEntries([['no-placeholders', 'warn']]),
}).config;

/** The first placeholder each side finds in a line of prose, as the text it covers (undefined: none). */
function engineFinds(line: string): string | undefined {
  const text = `# Privacy Policy\n\n${line}\n`;
  const m = lint(text, { assumePolicy: true, config }).messages.find((x) => x.ruleId === 'no-placeholders');
  return m && text.slice(m.range.start.offset, m.range.end.offset);
}

let scanner: import('vscode-oniguruma').OnigScanner;
function grammarFinds(line: string): string | undefined {
  const found = scanner.findNextMatchSync(new onig.OnigString(line), 0);
  return found ? line.slice(found.captureIndices[0].start, found.captureIndices[0].end) : undefined;
}

/** [line, the placeholder in it (both must find exactly that), or undefined (neither finds one)]. */
const CASES: [string, string | undefined][] = [
  ['Contact [Company Name] with questions.', '[Company Name]'],
  ['Write to us at [insert email address].', '[insert email address]'],
  ['We run [your domain] for you.', '[your domain]'],
  ['[COMPANY NAME] keeps your data safe.', '[COMPANY NAME]'],
  ['Hello {{company}}, this is the policy.', '{{company}}'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder under test
  ['Sent by ${company} to you.', '${company}'],
  ['Sent by {company_name} to you.', '{company_name}'],
  ['Questions go to <COMPANY> by post.', '<COMPANY>'],
  ['The effective date is TODO for now.', 'TODO'],
  ['The effective date is TBD for now.', 'TBD'],
  ['The effective date is TBA for now.', 'TBA'],
  ['The retention period is TBC for now.', 'TBC'],
  ['FIXME the list of partners.', 'FIXME'],
  ['Call XXX-XXX-XXXX for help.', 'XXX-XXX-XXXX'],
  ['Lorem ipsum sits where the text goes.', 'Lorem ipsum'],
  ['Lorem ipsum dolor sit amet, and so on.', 'Lorem ipsum dolor sit amet'],
  ['We keep your data safe.', undefined],
  ['See the notes [1] and [iv] below.', undefined],
  ['Tasks such as [x] are done.', undefined],
  ['We explain cookies in our [Cookie Policy](https://example.com/cookies).', undefined],
  ['Mail privacy [at] example [dot] com.', undefined],
  ['Our server is in Texas; a table is in <B>bold</B>.', undefined],
  ['We use TBAs and todos in lower case.', undefined],
  ['The exit code is 0 and the box says XX.', undefined],
];

describe('placeholders: the grammar is generated from the engine', () => {
  before(async () => {
    await onig.loadWASM(readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
    scanner = new onig.OnigScanner(grammar.repository.placeholder.patterns.map((p) => p.match));
  });

  it('the committed grammar is what scripts/gen-grammar.mjs writes from GRAMMAR_PLACEHOLDERS', () => {
    const res = spawnSync(process.execPath, [join(root, 'scripts', 'gen-grammar.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(res.status, 0, res.stderr);
  });

  for (const [line, placeholder] of CASES) {
    it(`${placeholder ? `coloured and reported: ${placeholder}` : 'neither coloured nor reported'} in “${line}”`, () => {
      assert.equal(engineFinds(line), placeholder, 'the rule');
      assert.equal(grammarFinds(line), placeholder, 'the grammar');
    });
  }
});
