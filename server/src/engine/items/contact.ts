import { isEmailAddress } from '../patterns.js';
import { memoMatches } from '../text.js';
import type { ItemDef } from './item.js';
import { alt, pattern } from '../regex.js';

/** Domains reserved for examples (RFC 2606) or commonly left in templates. */
const PLACEHOLDER_DOMAINS = pattern(
  'i',
  /^/,
  alt(
    /example\.(?:com|org|net)/,
    /[\w-]+\.example/,
    /[\w-]+\.test/,
    /[\w-]+\.invalid/,
    /localhost/,
    /(?:your|my)[-]?(?:company|domain|business|site|website)\.[a-z]+/,
    /company\.com/,
    /domain\.com/,
    /email\.com/,
    /acme\.com/,
    /test\.com/,
  ),
  /$/,
);
/** Something written like an email address that is not one: "privacy@company", "privacy@@x.com", "privacy@x..com". */
const EMAIL_LIKE = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@@?[A-Za-z0-9._-]*(?![\w@])/g;

const item: ItemDef = {
  id: 'contact',
  title: 'Contact',
  description:
    'A usable way to reach the company about privacy: its own email address, postal address, phone number or contact form (COPPA 312.4(d)(1); GDPR Art. 13(1)(a)–(b)).',
  order: 150,
  headings: [
    /^contact\b/i,
    /\bcontact(?:ing)? (?:us|information|details|the company|our)\b/i,
    /\bquestions?\b/i,
    /\bhow to reach\b/i,
    /\bget in touch\b/i,
    /\breach us\b/i,
    /\bcomments\b/i,
    /\binquir/i,
    /\b(?:data protection|privacy) officer\b/i,
  ],
  sentences: [
    /\bcontact us\b/i,
    /\be-?mail us\b/i,
    /\bwrite to us\b/i,
    /\breach us\b/i,
    /\bquestions?\b[^.;]{0,80}\b(?:contact|e-?mail|write|call|send|notify|address(?:ed)?)\b/i,
  ],
  assess(doc, evidence) {
    const f = doc.facts;
    const own = f.emails.filter((e) => !e.thirdParty && !e.example);
    const emails = [...new Set(own.map((e) => e.email))];
    const postal = f.postal.some((p) => !p.thirdParty);
    const phone = f.phones.some((p) => !p.thirdParty);
    const form = f.forms.some((p) => !p.thirdParty);
    const facts = { emails, postal, phone, form };
    const channel = emails.length > 0 || postal || phone || form;
    if (channel) {
      const first = [
        ...own,
        ...f.postal.filter((p) => !p.thirdParty),
        ...f.phones.filter((p) => !p.thirdParty),
        ...f.forms.filter((p) => !p.thirdParty),
      ].sort((a, b) => a.range.start.offset - b.range.start.offset)[0];
      // Point at the contact section when there is one; otherwise at the first channel.
      return {
        status: 'present',
        facts,
        evidenceOffset: evidence.sections.length ? undefined : first.range.start.offset,
      };
    }
    if (evidence.sections.length || evidence.sentences.length) {
      return {
        status: 'incomplete',
        facts,
        reason:
          'users are invited to get in touch, but no email address, postal address, phone number or contact form is given',
      };
    }
    return { status: 'missing', facts };
  },
  check(ctx) {
    const { doc } = ctx;
    for (const e of doc.facts.emails) {
      if (e.example) continue; // a format example ("username@domain.name") is no address to fix
      const domain = e.email.split('@')[1] ?? '';
      if (PLACEHOLDER_DOMAINS.test(domain)) {
        ctx.report({
          message: `"${e.email}" uses a placeholder domain (${domain}); give the address users should really write to.`,
          start: e.range.start.offset,
          end: e.range.end.offset,
        });
      }
    }
    const known = doc.facts.emails;
    for (const b of doc.blocks) {
      if (b.kind === 'html') continue;
      for (const m of memoMatches(doc, EMAIL_LIKE, b.text)) {
        const candidate = m[0].replace(/(?<![.,;:])[.,;:]+$/, '');
        if (isEmailAddress(candidate) || !/@/.test(candidate) || candidate.startsWith('@')) continue;
        if (/^[A-Za-z0-9._%+-]+@$/.test(candidate)) continue; // "name@" alone is too vague to judge
        const start = b.offsets[m.index!];
        if (known.some((k) => k.range.start.offset <= start && start < k.range.end.offset)) continue;
        ctx.report({
          message: `"${candidate}" looks like an email address but is not a valid one; users could not write to it.`,
          start,
          end: b.offsets[Math.min(m.index! + candidate.length, b.text.length)],
        });
      }
    }
  },
  missingMessage:
    'The policy gives no way to contact the company (an email address, postal address, phone number or contact form).',
};
export default item;
