// The section templates, reviewed one by one: every [prompt] is flagged by no-placeholders
// until it is replaced, and the words outside the prompts assert no practice: a prompt
// version says only where to write (an address the policy or the config gives), and an
// answer says only the answer the author picked. Values come from the policy first, then
// config, else a prompt.
import assert from 'node:assert/strict';
import {
  CHECKLIST_IDS,
  ITEMS,
  lint,
  parsePolicy,
  resolveConfig,
  templateBody,
  templateFor,
  templateValues,
} from '../../server/src/engine/index.js';

const all = resolveConfig({ extends: 'all' }).config;
const noValues = templateValues(undefined, resolveConfig(undefined).config);

/** What each template may say outside its prompts: nothing, or these sentences (reviewed). */
const ALLOWED: Record<string, RegExp[]> = {
  'access-rights': [/^To make a request, write to \S*\.$/],
  'california-rights': [/^To make a request, write to \S*\.$/],
  contact: [/^If you have questions about this policy, contact .+ at \S*, or write to .*\.$/],
  'effective-date': [/^Last updated:$/],
  'children/not-directed': [/^Our services are not directed to children under \.$/, /^Parents can write to \S*\.$/],
  'children/directed': [/^Our services are directed to children under \.$/, /^Parents can write to \S*\.$/],
  'cookies/used': [/^We use cookies and similar technologies\.$/],
  'cookies/not-used': [/^We do not use cookies or similar tracking technologies\.$/],
  'sharing/does-not-sell': [/^We do not sell personal information\.$/],
  'sharing/sells': [/^We sell some personal information\.$/],
};

function versions(): { key: string; id: string; choice?: string }[] {
  return CHECKLIST_IDS.flatMap((id) => [
    { key: id, id },
    ...(templateFor(id)!.choices ?? []).map((c) => ({ key: `${id}/${c.id}`, id, choice: c.id })),
  ]);
}

describe('section templates', () => {
  for (const v of versions()) {
    it(`${v.key}: every prompt is flagged by no-placeholders, and nothing outside the prompts states a practice`, () => {
      const t = templateFor(v.id)!;
      const body = templateBody(t, noValues, v.choice);
      const prompts = [...body.matchAll(/\[[^[\]]+\]/g)];
      assert.ok(prompts.length > 0, 'a template asks the author something');
      const text = t.line ? `# Privacy Policy\n\n${body}\n` : `# Privacy Policy\n\n## ${t.title}\n\n${body}\n`;
      const at = text.indexOf(body);
      const flagged = lint(text, { config: all, assumePolicy: true }).messages.filter(
        (m) => m.ruleId === 'no-placeholders',
      );
      for (const p of prompts) {
        const start = at + p.index!;
        assert.ok(
          flagged.some((m) => m.range.start.offset === start && m.range.end.offset === start + p[0].length),
          `not flagged: ${p[0]}`,
        );
      }
      const outside = body
        .replace(/\[[^[\]]+\]/g, '')
        .split(/(?<=\.)\s+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const allowed = ALLOWED[v.key] ?? [];
      for (const sentence of outside)
        assert.ok(
          allowed.some((re) => re.test(sentence)),
          `${v.key} says outside its prompts: ${JSON.stringify(sentence)}`,
        );
    });
  }

  it('fills values from the policy first (its contact email, postal address and the company it defines), then config', () => {
    const text =
      '# Privacy Policy\n\nHarbour Notes Ltd ("we", "us") makes a note-taking app.\n\n## Sharing\n\nOur partner help@partner-desk.co.uk answers billing questions for us.\n\n' +
      '## Questions\n\nWrite to privacy@harbour-notes.co.uk or to 4 Dock Road, Leeds LS1 4AB.\n';
    const config = resolveConfig({
      company: 'Config Co',
      contactEmail: 'config@config.test',
      postalAddress: '1 Config Street',
    }).config;
    const v = templateValues(parsePolicy(text), config);
    assert.equal(v.company, 'Harbour Notes Ltd');
    assert.equal(v.email, 'privacy@harbour-notes.co.uk');
    assert.match(v.postal, /4 Dock Road/);
    const bare = templateValues(parsePolicy('# Privacy Policy\n\nWe make an app.\n'), config);
    assert.deepEqual(bare, { company: 'Config Co', email: 'config@config.test', postal: '1 Config Street' });
    assert.deepEqual(
      templateValues(parsePolicy('# Privacy Policy\n\nWe make an app.\n'), resolveConfig(undefined).config),
      {
        company: 'us',
        email: '[privacy contact email]',
        postal: '[postal address]',
      },
    );
  });

  it('every item has a template whose title names the item (else its section would be inserted again on every run)', () => {
    for (const item of ITEMS) {
      const t = templateFor(item.id)!;
      assert.ok(t, item.id);
      if (!t.line)
        assert.ok(
          item.headings.some((re) => re.test(t.title)),
          `${item.id}: "${t.title}" does not match the item's headings`,
        );
    }
    assert.equal(templateFor('no-such-item'), undefined);
  });
});
