// Where a rule's documentation lives, on its own so the front ends can name it without loading the linter.
export const DOCS_BASE = 'https://github.com/policylint/policylint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
