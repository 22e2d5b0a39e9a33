// Contact facts in the wordings real policies use (issue 11): glued and example addresses,
// addresses in code blocks, postcodes with a space, a third party's address, and forms
// offered or only described. Each case is one pattern, written for this test.
import assert from 'node:assert/strict';
import { lint, parsePolicy } from '../../server/src/engine/index.js';

const facts = (text: string) => parsePolicy(text).facts;
const ownEmails = (text: string) =>
  facts(text)
    .emails.filter((e) => !e.thirdParty && !e.example)
    .map((e) => e.email);
const ownPostal = (text: string) =>
  facts(text)
    .postal.filter((p) => !p.thirdParty)
    .map((p) => p.region);
const forms = (text: string) =>
  facts(text)
    .forms.filter((f) => !f.thirdParty)
    .map((f) => f.text);

describe('facts: contact wordings', () => {
  it('does not glue the next sentence onto an obfuscated address', () => {
    assert.deepEqual(ownEmails('Reach out to hello [at] tinyowl.example. We answer within a week.'), [
      'hello@tinyowl.example',
    ]);
  });
  it('drops a capitalised word glued onto a plain address', () => {
    assert.deepEqual(ownEmails('Write to hello@tinyowl.example.We answer within a week.'), ['hello@tinyowl.example']);
    assert.deepEqual(ownEmails('Write to hello@tiny.owl.example today.'), ['hello@tiny.owl.example']);
  });
  it('does not take a format example for a contact address', () => {
    assert.deepEqual(
      ownEmails('The app looks up the domain of each address (username@domain.name) to show an icon.'),
      [],
    );
    assert.deepEqual(
      ownEmails('Contact us at name@domain.com.'),
      ['name@domain.com'],
      'an invitation to write is a contact, placeholder or not',
    );
  });
  it('reads an address card written as a code block', () => {
    const text =
      'The controller is:\n\n```\nTinyowl BV\nKade 12\n1011 AB Amsterdam\nthe Netherlands\nprivacy@tinyowl.example\n```\n';
    assert.deepEqual(ownEmails(text), ['privacy@tinyowl.example']);
    assert.deepEqual(ownPostal(text), ['EU']);
  });
  it('reads a postcode written as three and two digits', () => {
    assert.deepEqual(ownPostal('Our office: Dlouhá 12/5, 110 00 Praha 1, Czechia.'), ['EU']);
  });
  it("counts an authority's address as theirs even when the sentence also speaks of us", () => {
    const text =
      'State law requires us to tell you that you may write to the Attorney General, 100 North Carson Street, Carson City, NV 89701.';
    assert.deepEqual(
      facts(text).postal.map((p) => p.thirdParty),
      [true],
    );
  });
  it('reads forms that are offered', () => {
    assert.deepEqual(forms('You may withdraw consent at any time by contacting us through our website.'), [
      'contacting us through our website',
    ]);
    assert.deepEqual(forms('You can object by using the webform at https://help.tinyowl.example/requests/new.'), [
      'webform',
    ]);
    assert.deepEqual(forms('If you have questions, please [send us feedback](https://tinyowl.example/feedback).'), [
      'send us feedback',
    ]);
    assert.deepEqual(forms('For questions, e-mail us at [Customer Support](https://tinyowl.example/ask.php).'), [
      'Customer Support',
    ]);
  });
  it('does not read a form that is only named or described', () => {
    assert.deepEqual(forms('## Contact form and help pages\n\nWe use a ticket system to handle enquiries.'), []);
    assert.deepEqual(forms('To learn more, see our Help Center article about verifying your identity.'), []);
    assert.deepEqual(forms('* A hosting company, if a support request is sent via the contact form.'), []);
  });
  it('makes contact present on a form-only policy', () => {
    const text =
      '# Privacy\n\nWe keep the orders you place with us.\n\nYou may withdraw consent at any time by contacting us through our website.\n';
    const contact = lint(text).checklist.find((c) => c.id === 'contact')!;
    assert.equal(contact.status, 'present');
    assert.equal(contact.facts.form, true);
  });
});
