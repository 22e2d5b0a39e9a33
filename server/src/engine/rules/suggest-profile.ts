// suggest-profile: a draft that speaks of a law whose profile is off — the EU GDPR (the EU,
// the EEA), the UK GDPR, California residents and the CCPA, CalOPPA, children under 13 and
// COPPA — gets one note naming the profiles that would check what those laws ask for. The
// language server turns it into a code action that adds them to the nearest config
// (addProfilesToConfig in profiles.ts); `policylint init` uses the same detection.
import { anyOf } from '../regex.js';
import { blockSpan, sentenceIndex } from '../text.js';
import type { PolicyDocument, Rule, RuleContext } from '../types.js';

export interface ProfileSignal {
  /** The law profile the text points to. */
  profile: string;
  /** What the text speaks of, for messages: "the EU GDPR". */
  subject: string;
  /** The words that point to it, as written. */
  text: string;
  /** Source offsets of those words. */
  start: number;
  end: number;
}

interface Signal {
  profile: string;
  subject: string;
  pattern: RegExp;
  /** Mentions in a sentence this matches do not count: they speak of the law without being under it. */
  unless?: RegExp;
  /** Mentions in a block (paragraph, list item, cell) this matches do not count. */
  unlessBlock?: RegExp;
  /** Mentions in headings do not count: only what a section says does. */
  notInHeadings?: boolean;
}

/**
 * A passage about a US transfer framework (Safe Harbor, Privacy Shield) names the EU as the
 * place data comes from, not the readers the policy speaks to; outdated-framework notes it.
 */
const TRANSFER_FRAMEWORK = anyOf('i', /\bsafe[\s-]harbou?r\b/, /\bprivacy[\s-]shield\b/);

/**
 * The age disclaimer of a general-audience service ("we do not knowingly collect…", "not
 * directed to…", "if we learn that a child under 13…", "if you believe…"): it says COPPA's
 * conditions do not apply, so it is no reason to turn the profile on.
 */
const AGE_DISCLAIMER = anyOf(
  'i',
  /\b(?:not|never|no|cannot)\b/,
  /\b(?:don|doesn|won|can)['’]t\b/,
  /\b(?:learn|learns|discover|discovers|believe|believes|notified|inadvertently)\b/,
  /\bbecomes? aware\b/,
);

const SIGNALS: readonly Signal[] = [
  {
    profile: 'gdpr',
    subject: 'the EU or the EEA (the GDPR)',
    pattern: anyOf(
      '',
      /(?<!\bUK[\s-])\bGDPR\b/,
      /\b[Gg]eneral [Dd]ata [Pp]rotection [Rr]egulation\b/,
      /\bEEA\b/,
      /\bEU\b/,
      /\bEuropean (?:Union|Economic Area)\b/,
    ),
    unlessBlock: TRANSFER_FRAMEWORK,
  },
  {
    profile: 'uk-gdpr',
    subject: 'the UK GDPR',
    pattern: anyOf(
      '',
      /\bUK[\s-]GDPR\b/,
      /\bData Protection Act 2018\b/,
      /\bInformation Commissioner(?:['’]s)? Office\b/,
    ),
  },
  {
    profile: 'ccpa',
    subject: 'California residents (the CCPA)',
    pattern: anyOf(
      'i',
      /\bCCPA\b/,
      /\bCPRA\b/,
      /\bCalifornia Consumer Privacy Act\b/,
      /\bCalifornia Privacy Rights Act\b/,
      /\bCalifornia (?:residents?|consumers?)\b/,
      /\b(?:residents?|consumers?) (?:of|in) California\b/,
    ),
  },
  {
    profile: 'caloppa',
    subject: 'CalOPPA',
    pattern: anyOf('i', /\bCalOPPA\b/, /\bCalifornia Online Privacy Protection Act\b/),
  },
  {
    profile: 'coppa',
    subject: 'children under 13 (COPPA)',
    pattern: anyOf('i', /\bCOPPA\b/, /\bChildren['’]?s Online Privacy Protection (?:Act|Rule)\b/),
    // "Compliance with COPPA" over a section that only disclaims children is no reason.
    notInHeadings: true,
  },
  {
    profile: 'coppa',
    subject: 'children under 13 (COPPA)',
    pattern: anyOf(
      'i',
      /\b(?:under|below|younger than|less than) (?:the age of |age )?(?:13|thirteen)\b(?!\s*(?:months?|weeks?|days?|%|percent))/,
    ),
    unless: AGE_DISCLAIMER,
  },
];

/** The profiles a text can point to, in the order of their signals. */
export const SUGGESTED_PROFILES: readonly string[] = [...new Set(SIGNALS.map((s) => s.profile))];

/** Whether a profile is on among the active ones (`all` turns every law profile on). */
export function profileActive(profile: string, active: readonly string[]): boolean {
  return active.includes(profile) || active.includes('all');
}

/** The first place the document speaks of each law a profile covers, in document order. */
export function profileSignals(doc: PolicyDocument): ProfileSignal[] {
  const found = new Map<string, ProfileSignal>();
  for (const sentence of doc.sentences) {
    if (found.size === SUGGESTED_PROFILES.length) break;
    const matches = doc.memo('suggest-profile', sentence.text, () =>
      SIGNALS.map((s) => {
        const m = s.pattern.exec(sentence.text);
        return m && !s.unless?.test(sentence.text) ? { index: m.index, text: m[0] } : undefined;
      }),
    );
    if (matches.every((m) => !m)) continue;
    const block = sentence.block.text;
    const base = sentenceIndex(sentence);
    SIGNALS.forEach((s, i) => {
      const m = matches[i];
      if (!m || found.has(s.profile)) return;
      if (s.notInHeadings && sentence.block.kind === 'heading') return;
      if (s.unlessBlock && doc.memo('suggest-profile-block', block, () => s.unlessBlock!.test(block))) return;
      const span = blockSpan(sentence.block, base + m.index, base + m.index + m.text.length);
      found.set(s.profile, { profile: s.profile, subject: s.subject, text: m.text, ...span });
    });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** The signals whose profile is off among `active`: what the rule reports and the code action adds. */
export function suggestedProfiles(doc: PolicyDocument, active: readonly string[]): ProfileSignal[] {
  return profileSignals(doc).filter((s) => !profileActive(s.profile, active));
}

function list(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function check(ctx: RuleContext): void {
  const signals = suggestedProfiles(ctx.doc, ctx.config.profiles);
  if (!signals.length) return;
  const [first, ...rest] = signals;
  const names = signals.map((s) => `\`${s.profile}\``);
  const subjects = list(signals.map((s) => s.subject));
  ctx.report({
    start: first.start,
    end: first.end,
    severity: 'info',
    message: `The policy speaks of ${subjects}, but the ${list(names)} profile${signals.length > 1 ? 's are' : ' is'} off: add ${signals.length > 1 ? 'them' : 'it'} to "extends" in .policylintrc.json to check what ${signals.length > 1 ? 'those laws ask' : 'that law asks'} for.`,
    related: rest.map((s) => ({ message: `${s.subject}: the \`${s.profile}\` profile`, start: s.start, end: s.end })),
  });
}

const rule: Rule = {
  meta: {
    id: 'suggest-profile',
    description:
      "The text speaks of the EU/EEA, the UK GDPR, California residents, CalOPPA or children under 13 while that law's profile is off.",
    severity: 'info',
    fixable: false,
  },
  check,
};
export default rule;
