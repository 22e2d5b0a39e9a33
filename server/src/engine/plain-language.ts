// The `plain-language` profile: the readability rules, declared in one place. A config that
// extends it ("extends": ["recommended", "plain-language"]) turns every one of them on as a
// warning; `recommended` keeps only the reliable ones, as information (see each rule's meta).
export const PLAIN_LANGUAGE_PROFILE = 'plain-language';

/** The rules of the profile and the severity it gives them. */
export const PLAIN_LANGUAGE_RULES: Record<string, 'warn'> = {
  'sentence-length': 'warn',
  'reading-grade': 'warn',
  legalese: 'warn',
  'vague-qualifier': 'warn',
  'all-caps': 'warn',
};
