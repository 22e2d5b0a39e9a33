// outdated-framework: legal frameworks and technologies a policy still cites although they
// were struck down, repealed, deprecated or renamed — Safe Harbor, Privacy Shield,
// Directive 95/46/EC, SSL, TRUSTe. The SSL → TLS rewording is a safe fix where the
// sentence is plainly about encrypting data in transit.
import { blockSpan, sentenceIndex } from '../text.js';
import type { Fix, Rule, RuleContext } from '../types.js';
import { alt, oneOf, pattern } from '../regex.js';

export const FRAMEWORK_IDS = ['safe-harbor', 'privacy-shield', 'directive-95-46', 'ssl', 'truste'] as const;
type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** A sentence that tells the history (it was invalidated, we no longer rely on it) is not relying on the framework. */
const HISTORICAL = pattern(
  'i',
  /\b/,
  alt(
    /invalidat\w*|no longer|struck down|ruled invalid|declared invalid|replaced|superseded/,
    /successor|formerly|previously|used to|repealed/,
  ),
  /\b/,
);
/** "Safe harbor" also names COPPA programs, the DMCA and securities-law statements, which are current. */
const OTHER_SAFE_HARBOR = pattern(
  'i',
  /\b/,
  alt(
    /COPPA|child(?:ren)?|DMCA|Digital Millennium|copyright|forward-looking|securities|FTC-approved/,
    /CCPA|cure period/,
  ),
  /\b/,
);
/** Words that tie a "safe harbor" to EU/Swiss data transfers. */
const TRANSFER_CONTEXT = pattern(
  '',
  /\b/,
  alt(
    /E\.?U\.?|EEA|European|Europe|Swiss|Switzerland|CH|U\.\s?S\.|US|United States/,
    /Department of Commerce|export\.gov|Privacy Principles|framework|certif\w*|self-certif\w*/,
    /adequa\w*|transfers?/,
  ),
  /\b/,
);
const SWISS = /\b(?:Swiss|Switzerland|CH)\b/;

/** One mention of SSL: the spelled-out name with or without the acronym, the acronym, or a version. */
const SSL_RE = oneOf(
  'gi',
  /\bSSL\s*(?:v\s*)?[23](?:\.0)?\b/,
  /\bsecure\s+sockets?\s+layers?(?:\s+(?:technology|protocol|encryption))?(?:\s*\(\s*SSL\s*\))?/,
  /\bSSL\s*\(\s*secure\s+sockets?\s+layers?\s*\)/,
  /\bSSL\s*\/\s*TLS\b/,
  /\bTLS\s*\/\s*SSL\b/,
  /\bSSL\b/,
);
/** "Older SSL connections are refused": the sentence rules SSL out. */
const REFUSED = pattern(
  'i',
  /\b/,
  alt(
    /refus\w*/,
    /reject\w*/,
    /disabled?/,
    /block\w*/,
    /(?:do|does|will) not (?:support|accept|allow|use)/,
    /never (?:use|accept|support)/,
  ),
  /\b/,
);
/** A sentence about protecting data in transit, where "SSL" can only mean the transport protocol. */
const TRANSIT_CONTEXT =
  /\b(?:encrypt\w*|transmi\w*|transfer\w*|secur\w*|protocols?|technolog\w*|connections?|https|channels?|in transit)\b/i;

interface Mention {
  id: FrameworkId;
  /** Index in the sentence text. */
  index: number;
  text: string;
  message: string;
  fix?: Fix;
  suggestions?: Fix[];
}

interface Framework {
  id: FrameworkId;
  pattern: RegExp;
  /** Turns a match into a mention, or drops it. */
  /** A note (info, once per document) rather than a problem. */
  note?: boolean;
  mention(m: RegExpMatchArray, sentence: string, ctx: SslContext): Omit<Mention, 'id' | 'index' | 'text'> | undefined;
}

interface SslContext {
  /** Source offsets of the match. */
  start: number;
  end: number;
  inLink: boolean;
}

const DPF = 'the EU–US Data Privacy Framework (adequacy decision of 10 July 2023) or standard contractual clauses';

const FRAMEWORKS: Framework[] = [
  {
    id: 'safe-harbor',
    pattern: /\bsafe[\s-]+harbou?rs?\b/gi,
    mention(m, sentence) {
      if (OTHER_SAFE_HARBOR.test(sentence) || HISTORICAL.test(sentence)) return undefined;
      if (!/^Safe/.test(m[0]) && !TRANSFER_CONTEXT.test(sentence)) return undefined;
      const swiss = SWISS.test(sentence)
        ? ' The Swiss–US Safe Harbor fell with it; Swiss transfers now rely on the Swiss–US Data Privacy Framework.'
        : '';
      return {
        message: `The EU–US Safe Harbor framework has been invalid since 6 October 2015 (CJEU, C-362/14, Schrems I): transfers now rely on ${DPF}.${swiss}`,
      };
    },
  },
  {
    id: 'privacy-shield',
    pattern: /\bprivacy[\s-]+shield\b/gi,
    mention(_m, sentence) {
      if (HISTORICAL.test(sentence)) return undefined;
      const swiss = SWISS.test(sentence) ? ' Swiss transfers now rely on the Swiss–US Data Privacy Framework.' : '';
      return {
        message: `The EU–US Privacy Shield has been invalid since 16 July 2020 (CJEU, C-311/18, Schrems II): transfers now rely on ${DPF}.${swiss}`,
      };
    },
  },
  {
    id: 'directive-95-46',
    pattern: oneOf(
      'gi',
      /\b(?:(?:EU\s+|European\s+)?Directive\s+)?95\/46(?:\/EC)?\b/,
      /\b(?:EU\s+|European\s+)?Data\s+Protection\s+Directive\b/,
    ),
    mention(_m, sentence) {
      if (HISTORICAL.test(sentence)) return undefined;
      return {
        message:
          'Directive 95/46/EC was repealed by the GDPR (Regulation (EU) 2016/679) with effect from 25 May 2018: cite the GDPR instead.',
      };
    },
  },
  {
    id: 'ssl',
    pattern: SSL_RE,
    mention(m, sentence, at) {
      const text = m[0];
      const i = m.index!;
      if (HISTORICAL.test(sentence) || REFUSED.test(sentence)) return undefined;
      // A host name or path (ssl.example.com, /ssl/) is not a claim about encryption.
      const prev = sentence[i - 1] ?? '';
      const next = sentence.slice(i + text.length, i + text.length + 2);
      if (/[./@:_\\-]/.test(prev) || /^(?:\.\w|\/\w|_)/.test(next)) return undefined;
      const version = /\d/.test(text);
      const rest = sentence.slice(0, i) + sentence.slice(i + text.length);
      const certificate = /^\W*(?:\w[\w-]*\s+)?certificates?\b/i.test(sentence.slice(i + text.length));
      const replacement = version ? 'TLS 1.2 or later' : tlsWording(text);
      const edit = { start: at.start, end: at.end, text: replacement };
      const title = `Replace “${text}” with “${replacement}”`;
      const safe = !version && !certificate && !at.inLink && TRANSIT_CONTEXT.test(rest) && !/\bTLS\b/.test(rest);
      const message = version
        ? `“${text}” names an SSL version that is prohibited (SSL 2.0 by RFC 6176, SSL 3.0 by RFC 7568): say which TLS version protects data in transit (TLS 1.2 or later).`
        : 'SSL is deprecated (RFC 7568, 2015) and has been replaced by TLS, Transport Layer Security: name TLS as the transport security.';
      return safe
        ? { message, fix: { title, edits: [edit], safe: true } }
        : { message, suggestions: at.inLink ? undefined : [{ title, edits: [edit], safe: false }] };
    },
  },
  {
    id: 'truste',
    pattern: /\bTRUSTe\b/g,
    note: true,
    mention() {
      return {
        message:
          'TRUSTe has been called TrustArc since 2017: check that the seal, program and complaint links you cite still exist under the new name.',
      };
    },
  },
];

/** "Secure Sockets Layer (SSL)" → "Transport Layer Security (TLS)", in the case style the text uses. */
export function tlsWording(text: string): string {
  if (/^(?:SSL\s*\/\s*TLS|TLS\s*\/\s*SSL)$/i.test(text)) return /^[a-z]/.test(text) ? 'tls' : 'TLS';
  return text
    .replace(/secure\s+sockets?\s+layers?/i, (phrase) => {
      if (phrase === phrase.toLowerCase()) return 'transport layer security';
      if (phrase === phrase.toUpperCase()) return 'TRANSPORT LAYER SECURITY';
      return 'Transport Layer Security';
    })
    .replace(/\bssl\b/gi, (acr) => (acr === 'ssl' ? 'tls' : 'TLS'));
}

function check(ctx: RuleContext): void {
  const ignore = new Set(Array.isArray(ctx.options.ignore) ? (ctx.options.ignore as string[]) : []);
  const frameworks = FRAMEWORKS.filter((f) => !ignore.has(f.id));
  // Links whose visible text is the address itself (autolinks, bare URLs): never rewrite inside them.
  const links = ctx.doc.facts.links
    .filter((l) => l.text === l.url || /^(?:[a-z][\w+.-]*:|www\.)/i.test(l.text.trim()))
    .map((l) => [l.range.start.offset, l.range.end.offset]);
  const noted = new Set<string>();
  for (const sentence of ctx.doc.sentences) {
    // One memo entry per sentence: the matches of every framework (most sentences have none).
    const found = ctx.doc.memo('outdated-framework', sentence.text, () =>
      FRAMEWORKS.map((f) => [...sentence.text.matchAll(f.pattern)]),
    );
    if (found.every((ms) => !ms.length)) continue;
    const base = sentenceIndex(sentence);
    for (const framework of frameworks) {
      if (noted.has(framework.id)) continue;
      for (const m of found[FRAMEWORKS.indexOf(framework)]) {
        const span = blockSpan(sentence.block, base + m.index!, base + m.index! + m[0].length);
        const inLink = links.some(([s, e]) => span.start >= s && span.start < e);
        const found = framework.mention(m, sentence.text, { ...span, inLink });
        if (!found) continue;
        if (framework.note) {
          // A rename is a note, said once per document.
          ctx.report({ ...span, ...found, severity: 'info' });
          noted.add(framework.id);
        } else {
          ctx.report({ ...span, ...found, tags: ['deprecated'] });
        }
        break; // at most one report per sentence per framework
      }
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'outdated-framework',
    description:
      'Invalidated or deprecated frameworks: Safe Harbor, Privacy Shield, Directive 95/46/EC, SSL (use TLS), TRUSTe (now TrustArc).',
    severity: 'warn',
    fixable: true,
    options: {
      ignore: {
        type: 'string[]',
        description: `Frameworks not to report: ${FRAMEWORK_IDS.join(', ')}.`,
      },
    },
  },
  check,
};
export default rule;
