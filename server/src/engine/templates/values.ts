// The values templates are filled with: what the document already says (its contact email
// and postal address, the company it defines as "we"), then config, else a [prompt].
import type { PolicyDocument, ResolvedConfig, Section } from '../types.js';
import type { TemplateValues } from './template.js';

/** Addresses written for examples or left from a template are not the company's. */
const EXAMPLE_EMAIL =
  /@(?:[\w-]+\.)*(?:example|test|invalid|localhost)(?:\.[a-z]+)?$|@(?:your|my)-?(?:company|domain|site)\./i;

/** A capitalised name (up to six words, "&" allowed) defined as "we", "us", "our" or "the Company". */
const DEFINED_COMPANY =
  /((?:[A-Z][\w&'’.-]*)(?:[ \t]+(?:[A-Z&][\w&'’.-]*)){0,5}),?[ \t]*\([ \t]*(?:(?:hereinafter|collectively)[ \t]+)?(?:(?:referred[ \t]+to[ \t]+as|also)[ \t]+)?["“'‘]?(?:we|us|our|the company)["”'’]?[ \t]*[,;)]/;

/** Words that open a sentence rather than a name. */
const NOT_NAME = /^(?:This|The|These|Our|We|Welcome|At|In|By|When|If|Please|Privacy|Policy|Notice)\b\s*/;

function inContact(s: Section | undefined): boolean {
  for (let x = s; x; x = x.parent) if (/\bcontact|\bquestions?\b|\breach us\b/i.test(x.name)) return true;
  return false;
}

/** The company the document defines as "we": "Acme Inc. ("we", "us")". */
export function definedCompany(doc: PolicyDocument): string | undefined {
  for (const s of doc.sentences) {
    if (!s.text.includes('(')) continue;
    const m = DEFINED_COMPANY.exec(s.text);
    if (!m) continue;
    let name = m[1].trim();
    while (NOT_NAME.test(name)) name = name.replace(NOT_NAME, '');
    if (/^[A-Z]/.test(name) && name.length >= 2) return name;
  }
  return undefined;
}

/** The document's own privacy email: one given in a contact section first, then any of the company's. */
export function documentEmail(doc: PolicyDocument): string | undefined {
  const own = doc.facts.emails.filter((e) => !e.thirdParty && !EXAMPLE_EMAIL.test(e.email));
  const inContactSection = own.find((e) =>
    inContact(
      doc.sentences.find(
        (s) => s.range.start.offset <= e.range.start.offset && e.range.end.offset <= s.range.end.offset,
      )?.section,
    ),
  );
  return (inContactSection ?? own[0])?.email;
}

export function documentPostal(doc: PolicyDocument): string | undefined {
  const own = doc.facts.postal.find((p) => !p.thirdParty);
  return own?.text.replace(/\s+/g, ' ').trim();
}

export function templateValues(doc: PolicyDocument | undefined, config: ResolvedConfig): TemplateValues {
  return {
    company: (doc && definedCompany(doc)) ?? config.company ?? 'us',
    email: (doc && documentEmail(doc)) ?? config.contactEmail ?? '[privacy contact email]',
    postal: (doc && documentPostal(doc)) ?? config.postalAddress ?? '[postal address]',
  };
}
