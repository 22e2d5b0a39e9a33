// Law profiles against the dev set: the six fixed law items against the hand labels in
// ../shared/devset/labels (gdpr-rights, legal-basis, dpo, supervisory-authority, ccpa, coppa).
// Agreement per item: the engine's "addressed" (present or incomplete) equals the label; a
// false "missing" is the engine saying missing where the label says the policy addresses it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { lint, resolveConfig } from '../server/src/engine/index.js';
import { heading, pct, table } from './stats.js';

const DEVSET = '../shared/devset';
const NOW = new Date('2026-11-22');

/** Engine item → the label field it is scored against. */
export const LAW_LABELS = [
  ['gdpr-rights', 'gdpr-rights'],
  ['gdpr-legal-basis', 'legal-basis'],
  ['gdpr-dpo', 'dpo'],
  ['gdpr-complaint', 'supervisory-authority'],
  ['ccpa-rights', 'ccpa'],
  ['coppa-parental-consent', 'coppa'],
] as const;

export interface LawItemScore {
  item: string;
  label: string;
  documents: number;
  agree: number;
  accuracy: number;
  /** The engine says missing, the label says addressed. */
  falseMissing: string[];
  /** The engine says addressed, the label says not. */
  falseAddressed: string[];
}

interface DevDoc {
  slug: string;
  text: string;
  items: Record<string, unknown>;
}

export function devsetDocs(dir = DEVSET): DevDoc[] {
  if (!existsSync(`${dir}/labels`)) return [];
  return readdirSync(`${dir}/labels`)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const label = JSON.parse(readFileSync(`${dir}/labels/${f}`, 'utf8')) as {
        is_privacy_policy: boolean;
        items: Record<string, unknown>;
      };
      const slug = f.replace(/\.json$/, '');
      return {
        slug,
        text: readFileSync(`${dir}/texts/${slug}.md`, 'utf8'),
        items: label.is_privacy_policy ? label.items : {},
        policy: label.is_privacy_policy,
      };
    })
    .filter((d) => d.policy);
}

/** Scores the six fixed law items over the dev set's policies (`all` profile, judged as of NOW). */
export function scoreLawItems(docs: DevDoc[] = devsetDocs()): LawItemScore[] {
  const config = resolveConfig({ extends: 'all' }).config;
  const results = docs.map((d) => ({ d, checklist: lint(d.text, { config, now: NOW, assumePolicy: true }).checklist }));
  return LAW_LABELS.map(([item, label]) => {
    const s: LawItemScore = {
      item,
      label,
      documents: 0,
      agree: 0,
      accuracy: NaN,
      falseMissing: [],
      falseAddressed: [],
    };
    for (const { d, checklist } of results) {
      const truth = d.items[label];
      if (typeof truth !== 'boolean') continue;
      s.documents++;
      const addressed = checklist.find((c) => c.id === item)?.status !== 'missing';
      if (addressed === truth) s.agree++;
      else (truth ? s.falseMissing : s.falseAddressed).push(d.slug);
    }
    s.accuracy = s.documents ? s.agree / s.documents : NaN;
    return s;
  });
}

export function lawProfiles(): Record<string, unknown> {
  const scores = scoreLawItems();
  heading(
    'Accuracy: law items against the dev set',
    `The six fixed law items against the hand labels of ${DEVSET}/labels (policies only): agreement, and the documents where the engine says missing but the label says addressed (false missing) or the other way round. Target: >= 95% agreement, no false missing.`,
  );
  table(
    ['item', 'label', 'agreement', 'false missing', 'false addressed'],
    scores.map((s) => [
      s.item,
      s.label,
      `${pct(s.accuracy)} (${s.agree}/${s.documents})`,
      s.falseMissing.join(', ') || '—',
      s.falseAddressed.join(', ') || '—',
    ]),
  );
  return { items: scores };
}
