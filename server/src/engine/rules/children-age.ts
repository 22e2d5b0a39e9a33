// children-age: a policy that talks about children must say what age it means, and must
// say it once: "children under 13" in one place and "children under 16" for the same thing
// elsewhere leaves the reader (and a regulator) unsure which applies.
import { findEvidence } from '../checklist.js';
import { getItem } from '../items/index.js';
import { CHILD_WORDS } from '../patterns.js';
import { sentenceIndex, blockSpan } from '../text.js';
import type { AgeFact, PolicyDocument, Rule, RuleContext } from '../types.js';

/** Concepts whose ages must agree; "other" cannot be compared. */
const COMPARABLE = new Set(['children', 'consent', 'sale']);
/** A sentence that sets a jurisdiction-specific age: "16 in the EEA". Two ages there are deliberate. */
const JURISDICTION =
  /\b(?:EEA|EU|European|Europe|UK|United Kingdom|GDPR|member states?|Quebec|Québec|Brazil|country|countries|jurisdictions?|where you live|local law|state law|California|Korea|China|India)\b/i;

function baseConcept(concept: string): string {
  return concept.split(':')[0];
}

function check(ctx: RuleContext): void {
  const { doc } = ctx;
  const ages = doc.facts.ages;

  // Children mentioned, no age: the checklist says the item is incomplete. Point at the first
  // mention the item itself found, so the rule and the checklist never disagree.
  const item = rule.meta.reportsIncompleteOf!;
  const entry = ctx.checklist.find((c) => c.id === item);
  if (entry?.status === 'incomplete') {
    const sentence = findEvidence(doc, getItem(item)!).sentences[0];
    const m = sentence ? CHILD_WORDS.exec(sentence.text) : null;
    const at =
      sentence && m
        ? blockSpan(sentence.block, sentenceIndex(sentence) + m.index, sentenceIndex(sentence) + m.index + m[0].length)
        : { start: entry.range!.start.offset, end: entry.range!.end.offset };
    ctx.report({
      ...at,
      item,
      message:
        'Children are mentioned, but the policy states no age anywhere: say which ages it means (under 13 for COPPA in the US; 13 to 16 for consent under GDPR Art. 8, depending on the country).',
    });
    return;
  }

  // One concept, two ages: keep the first age stated for each concept and report each other age once.
  // Only ages stated the same way are one concept: the age the service is not meant for, or
  // the age below which data is not knowingly collected. Graduated ages ("13 or older but
  // under 16 need a parent's approval; at 18 the rights pass to the student") are not.
  const first = new Map<string, AgeFact>();
  const reported = new Set<string>();
  for (const fact of ages) {
    if (!COMPARABLE.has(baseConcept(fact.concept))) continue;
    const phrase = thresholdPhrase(fact.sentence);
    if (!phrase) continue;
    const key = `${fact.concept}|${phrase}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, fact);
      continue;
    }
    if (fact.age === earlier.age || reported.has(`${key}:${fact.age}`)) continue;
    // Ages stated side by side (one sentence or one paragraph) are being told apart on purpose:
    // "13+ may have an account; under 18 needs a parent's permission to share".
    if (fact.sentence === earlier.sentence || sameParagraph(doc, fact.range.start.offset, earlier.range.start.offset))
      continue;
    if (JURISDICTION.test(fact.sentence) || JURISDICTION.test(earlier.sentence)) continue;
    reported.add(`${key}:${fact.age}`);
    ctx.report({
      start: fact.range.start.offset,
      end: fact.range.end.offset,
      item: 'children',
      message: `This sets age ${fact.age} for ${describe(fact.concept)}, but line ${earlier.range.start.line} sets ${earlier.age} for the same thing: use one age, or say where each applies.`,
      related: [
        { message: `age ${earlier.age} stated here`, start: earlier.range.start.offset, end: earlier.range.end.offset },
      ],
    });
  }
}

/** How a sentence sets its age: the audience the service is not for, or what is not knowingly collected. */
function thresholdPhrase(sentence: string): string | undefined {
  if (/\bknowingly\b/i.test(sentence)) return 'knowingly';
  if (
    /\bnot (?:be )?(?:directed|intended|designed|meant|targeted|aimed|for)\b|\bmust be (?:at least )?(?:\d|[a-z]+teen)|\b(?:may|can)(?:not|'t| not) (?:use|register|sign up|create)/i.test(
      sentence,
    )
  )
    return 'audience';
  return undefined;
}

function sameParagraph(doc: PolicyDocument, a: number, b: number): boolean {
  return doc.blocks.some((x) => x.range.start.offset <= Math.min(a, b) && Math.max(a, b) < x.range.end.offset);
}

function describe(concept: string): string {
  switch (baseConcept(concept)) {
    case 'consent':
      return 'consenting without a parent';
    case 'sale':
      return 'opting in to the sale of data';
    default:
      return 'children';
  }
}

const rule: Rule = {
  meta: {
    id: 'children-age',
    description: 'Children mentioned with no age threshold, or one concept stated with two different ages.',
    severity: 'warn',
    fixable: false,
    // While on, this rule says which age is missing; off, the children item's rule reports it.
    reportsIncompleteOf: 'children',
  },
  check,
};
export default rule;
