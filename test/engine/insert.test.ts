// Inserting missing sections: in reading order, in the document's own style and level,
// at a section boundary, filled from config, only once, and without losing a character.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  fixText,
  lint,
  parsePolicy,
  resolveConfig,
  CHECKLIST_IDS,
  templateBody,
  templateFor,
  templateValues,
} from '../../server/src/engine/index.js';

const now = new Date('2026-11-22');
const all = resolveConfig({ extends: 'all' }).config;

/** Every line of `before` is still in `after`, in order (fixes only add or replace whole phrases). */
function assertOnlyInserted(before: string, after: string, ruleIds: string[] = []) {
  const b = before.split(/\r?\n/);
  const a = after.split(/\r?\n/);
  let j = 0;
  for (const line of b) {
    while (j < a.length && a[j] !== line) j++;
    assert.ok(j < a.length, `line lost by the fix: ${JSON.stringify(line)} (${ruleIds.join(', ')})`);
    j++;
  }
}

const BASE = `# Privacy Policy

Last updated: March 1, 2024

This policy explains what we collect and how we use it.

## Information We Collect

We collect your name and email address when you sign up.

## How We Use Information

We use your email address to send receipts.

## Contact Us

Email privacy@pinewood-apps.com with questions.
`;

describe('inserting missing sections', () => {
  it('inserts each missing item once, and a second run changes nothing', () => {
    const first = fixText(BASE, { types: ['section'], config: all, now });
    assert.ok(first.fixed.length >= 5, `fixed ${first.fixed.length}`);
    const second = fixText(first.text, { types: ['section'], config: all, now });
    assert.equal(second.text, first.text);
    assert.deepEqual(second.fixed, []);
    assertOnlyInserted(BASE, first.text);
    // Every item that was missing is now addressed.
    for (const c of first.result.checklist) assert.notEqual(c.status, 'missing', c.id);
  });

  it('places sections in the order readers expect, between whole sections', () => {
    const { text } = fixText(BASE, { types: ['section'], config: all, now });
    const headings = parsePolicy(text)
      .sections.filter((s) => s.level === 2)
      .map((s) => s.title);
    assert.deepEqual(headings, [
      'Information We Collect',
      'How We Use Information',
      'Legal Bases for Processing',
      'How We Share Information',
      'Cookies and Similar Technologies',
      'Links to Other Websites',
      'How We Protect Information',
      'How Long We Keep Information',
      'Accessing and Correcting Your Information',
      'Your Rights Under the GDPR',
      'Complaints to a Supervisory Authority',
      'Opting Out of Marketing',
      'Do Not Track',
      'International Transfers',
      'Your California Privacy Rights',
      'Your Rights Under the CCPA',
      "Children's Privacy",
      'Verifiable Parental Consent (COPPA)',
      'Changes to This Policy',
      'Contact Us',
      'Data Protection Officer',
    ]);
  });

  it('fills templates from config and leaves [prompts] where config is silent', () => {
    const config = resolveConfig({
      extends: 'all',
      company: 'Pinewood Apps Ltd',
      contactEmail: 'dpo@pinewood-apps.com',
      postalAddress: '2 Mill Lane, Leeds LS1 4AB',
    }).config;
    const text =
      '# Privacy Policy\n\nWe collect your email address. We use it to send receipts. We never share it with third parties.\n';
    const fixed = fixText(text, { types: ['section'], config, now, only: ['contact', 'children'] }).text;
    assert.match(fixed, /contact Pinewood Apps Ltd at dpo@pinewood-apps\.com, or write to 2 Mill Lane, Leeds LS1 4AB/);
    const unfilled = fixText(text, { types: ['section'], config: all, now, only: ['contact'] }).text;
    assert.match(unfilled, /\[privacy contact email\]/);
  });

  it('matches the style of the neighbouring sections: bold list items', () => {
    const text = readFileSync('corpus/manycontacts.com.md', 'utf8');
    const { text: fixed } = fixText(text, { types: ['section'], now, only: ['children'] });
    assert.match(
      fixed,
      /\n {2}\* \*\*Children's Privacy\*\* {2}\n {4}\[State whether your services are directed to children/,
    );
    const doc = parsePolicy(fixed);
    const s = doc.sections.find((x) => x.title === "Children's Privacy")!;
    assert.equal(s.kind, 'bold-list-item');
    assert.equal(s.level, 2);
    assertOnlyInserted(text, fixed);
  });

  it('matches the style of the neighbouring sections: bold lead-ins and bold numbered headings', () => {
    const lead =
      '# Privacy\n\nThis policy explains what we collect and how we use it.\n\n##### Our Practices\n\n**What We Collect.** We collect your email.\n\n**Use of Information.** We use it for receipts.\n\n**Sharing.** We do not share it with third parties.\n';
    const fixedLead = fixText(lead, { types: ['section'], config: all, now, only: ['cookies'] }).text;
    assert.match(
      fixedLead,
      /\*\*Sharing\.\*\* We do not share it with third parties\.\n\n\*\*Cookies and Similar Technologies\.\*\* \[State whether you use cookies/,
    );

    const text = readFileSync('corpus/outboundengine.com.md', 'utf8');
    const fixed = fixText(text, { types: ['section'], config: all, now, only: ['do-not-track'] }).text;
    assert.equal(fixed, text, 'do-not-track is present in outboundengine: nothing to insert');
    const rs6 = readFileSync('corpus/rs6.net.md', 'utf8');
    const fixedRs6 = fixText(rs6, { types: ['section'], now, only: ['retention'] }).text;
    assert.match(fixedRs6, /\n## How Long We Keep Information\n\n\[State how long you keep/);
  });

  it('inserts the effective date under the title', () => {
    const text =
      '# Privacy Policy\n\nWe collect your email and use it to send receipts. We do not share it with others.\n';
    const fixed = fixText(text, {
      types: ['section'],
      config: all,
      now,
      assumePolicy: true,
      only: ['effective-date'],
    }).text;
    assert.equal(fixed.split('\n').slice(0, 4).join('\n'), '# Privacy Policy\n\nLast updated: [Month D, YYYY]\n');
  });

  it('keeps CRLF line endings', () => {
    const crlf = BASE.replace(/\n/g, '\r\n');
    const { text } = fixText(crlf, { types: ['section'], config: all, now });
    assert.ok(text.length > crlf.length);
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF after fixing a CRLF file');
  });

  it('appends at the end of a document with no sections to anchor on', () => {
    const text =
      'We collect your email address and use it to send you receipts. We do not share it with third parties.';
    const fixed = fixText(text, { types: ['section'], config: all, now, assumePolicy: true, only: ['children'] }).text;
    assert.ok(fixed.startsWith(text + '\n\n## Children'), JSON.stringify(fixed.slice(0, 200)));
  });

  it('inserts several sections at the end of a text with no final newline without extra blank lines', () => {
    const list =
      '# Privacy Policy\n\n  * **What We Collect**  \nWe collect your email.\n  * **Use of Information**  \nWe use it for receipts.\n  * **Sharing**  \nWe do not share it with third parties.';
    const fixed = fixText(list, {
      types: ['section'],
      config: all,
      now,
      assumePolicy: true,
      only: ['cookies', 'security', 'children'],
    }).text;
    assert.ok(
      fixed.startsWith(list + '\n  * **Cookies'),
      JSON.stringify(fixed.slice(list.length - 10, list.length + 40)),
    );
    assert.doesNotMatch(fixed.slice('# Privacy Policy\n\n'.length), /\n[ \t]*\n/, 'the list stays tight');
    const doc = parsePolicy(fixed);
    assert.deepEqual(
      doc.sections
        .filter((s) => s.kind === 'bold-list-item')
        .map((s) => s.title)
        .slice(3),
      ['Cookies and Similar Technologies', 'How We Protect Information', "Children's Privacy"],
    );
    const lead =
      '# Privacy\n\n##### Practices\n\n**What We Collect.** We collect your email.\n\n**Sharing.** We do not share it with third parties.';
    const fixedLead = fixText(lead, {
      types: ['section'],
      config: all,
      now,
      assumePolicy: true,
      only: ['cookies', 'security'],
    }).text;
    assert.doesNotMatch(fixedLead, /\n\n\n/, 'one blank line between paragraphs');
  });

  it('every template, and every answer of it, is recognised as its own item', () => {
    const values = templateValues(
      undefined,
      resolveConfig({ contactEmail: 'privacy@pinewood-apps.com', postalAddress: '2 Mill Lane, Leeds LS1 4AB' }).config,
    );
    for (const id of CHECKLIST_IDS) {
      const t = templateFor(id)!;
      for (const choice of [undefined, ...(t.choices ?? []).map((c) => c.id)]) {
        const body = templateBody(t, values, choice);
        const doc = t.line
          ? `# Privacy Policy\n\nLast updated: March 1, 2024\n`
          : `# Privacy Policy\n\n## ${t.title}\n\n${body}\n`;
        const entry = lint(doc, { assumePolicy: true, config: all, now }).checklist.find((c) => c.id === id)!;
        assert.notEqual(entry.status, 'missing', `${id} ${choice ?? 'prompt'} template is not recognised`);
      }
    }
  });
});
