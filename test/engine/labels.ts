// The label schema (test/fixtures/labels/SCHEMA.md) and helpers shared by label-driven tests.

export interface Label {
  seed: string;
  domain: string;
  is_privacy_policy: boolean;
  items: {
    children: { present: boolean; ages: number[] };
    'change-notification': { present: boolean; methods: string[] };
    contact: { present: boolean; emails: string[]; postal: boolean; phone: boolean; form: boolean };
    'effective-date': { present: boolean; value: string | null };
    collection: boolean;
    use: boolean;
    sharing: boolean;
    cookies: boolean;
    security: boolean;
    'access-rights': boolean;
    retention: boolean;
    'opt-out': boolean;
    'third-party-links': boolean;
    'do-not-track': boolean;
    'international-transfer': boolean;
    'california-rights': boolean;
    'outdated-frameworks': string[];
    placeholders: string[];
  };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "April 4, 2013" → "2013-04-04"; "October 2010" → "2010-10"; "2024-03-01" stays; "2019" stays. */
export function isoOfLabel(value: string): string {
  if (/^\d{4}(-\d{2}){0,2}$/.test(value)) return value;
  const words = value.toLowerCase().replace(/,/g, '').split(/\s+/);
  const month = words.findIndex((w) => MONTHS.includes(w));
  const m = String(MONTHS.indexOf(words[month]) + 1).padStart(2, '0');
  const year = words.find((w) => /^\d{4}$/.test(w))!;
  const day = words.find((w) => /^\d{1,2}$/.test(w));
  return day ? `${year}-${m}-${day.padStart(2, '0')}` : `${year}-${m}`;
}
