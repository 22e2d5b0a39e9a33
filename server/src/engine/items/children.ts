import { AUDIENCE_UNDER, CHILD_WORDS } from '../patterns.js';
import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'children',
  title: "Children's privacy",
  description:
    'Whether the service collects information from children, stating the age threshold (COPPA 16 CFR 312.4(d); GDPR Art. 8).',
  order: 130,
  headings: [
    /\bchild/i,
    /\bminors?\b/i,
    /\bkids?\b/i,
    /\bCOPPA\b/,
    /\bunder (?:the age|\d+)\b/i,
    /\byoung (?:people|persons|users|members|customers|adults|players|readers|learners|visitors)\b/i,
    /\bteens?\b/i,
    /\b(?:age (?:limits?|requirements?|restrictions?)|minimum age)\b/i,
  ],
  sentences: [CHILD_WORDS, AUDIENCE_UNDER],
  notSentences: [/\bparent (?:company|corporation|entity)\b/i],
  assess(doc, evidence) {
    // Every age stated for children or in a children's section: 13 for COPPA, 16 for GDPR consent, 18 for contests…
    const sections = new Set(evidence.sections);
    const ages = doc.facts.ages.filter(
      (a) =>
        a.concept !== 'other' ||
        [...sections].some(
          (s) => s.range.start.offset <= a.range.start.offset && a.range.start.offset < s.range.end.offset,
        ),
    );
    const list = [...new Set(ages.map((a) => a.age))].sort((a, b) => a - b);
    // An age for a contest is listed, but it is no threshold for children.
    const thresholds = ages.filter((a) => a.concept !== 'contest');
    const covered = evidence.sections.length > 0 || evidence.sentences.length > 0;
    if (!covered) return { status: 'missing', facts: { ages: list } };
    if (!thresholds.length)
      return {
        status: 'incomplete',
        facts: { ages: list },
        reason: 'children are mentioned but no age threshold is stated',
      };
    return {
      status: 'present',
      facts: { ages: list },
      evidenceOffset: evidence.sections.length ? undefined : thresholds[0].range.start.offset,
    };
  },
  missingMessage:
    "The policy has no children's privacy section stating an age threshold (COPPA applies to children under 13).",
};
export default item;
