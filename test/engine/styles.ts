// One small draft per document style, each missing its sharing section, with the title line
// and the place a section inserted by policylint must have in it. The engine, CLI and
// language-server tests share them, so the three front ends are held to one answer.
// Written for these tests; each names no real company.

export interface StyleCase {
  name: string;
  text: string;
  /** The item to insert. */
  item: string;
  /** The inserted section's title line, exactly. */
  titleLine: string;
  /** The line right before the inserted block (its last non-blank line). */
  after: string;
  /** Lines whose text the insertion changes (renumbered titles and references), as [before, after]. */
  renumbered?: [string, string][];
}

const BODY = {
  collect: 'We collect the name and email address you give us when you register.',
  use: 'We use your email address to send receipts and answer your messages.',
  contact: 'Write to privacy@harbour-notes.test with any question about this policy.',
};

export const STYLE_CASES: StyleCase[] = [
  {
    name: 'Markdown headings',
    text: `# Privacy Policy\n\n## Information We Collect\n\n${BODY.collect}\n\n## How We Use Information\n\n${BODY.use}\n\n## Contact Us\n\n${BODY.contact}\n`,
    item: 'sharing',
    titleLine: '## How We Share Information',
    after: BODY.use,
  },
  {
    name: 'numbered headings',
    text: `# Privacy Policy\n\n## 1. Information We Collect\n\n${BODY.collect} See Section 3 to reach us.\n\n## 2. How We Use Information\n\n${BODY.use}\n\n## 3. Contact Us\n\n${BODY.contact}\n`,
    item: 'sharing',
    titleLine: '## 3. How We Share Information',
    after: BODY.use,
    renumbered: [
      ['## 3. Contact Us', '## 4. Contact Us'],
      [`${BODY.collect} See Section 3 to reach us.`, `${BODY.collect} See Section 4 to reach us.`],
    ],
  },
  {
    name: 'numbered bold list',
    text: `# Privacy Policy\n\n1. **Information We Collect.** ${BODY.collect}\n2. **How We Use Information.** ${BODY.use}\n3. **Contact Us.** ${BODY.contact}\n`,
    item: 'sharing',
    titleLine:
      '3. **How We Share Information.** [List the kinds of third parties you disclose personal information to, and why.] [State whether you sell personal information or share it for targeted advertising.]',
    after: `2. **How We Use Information.** ${BODY.use}`,
    renumbered: [[`3. **Contact Us.** ${BODY.contact}`, `4. **Contact Us.** ${BODY.contact}`]],
  },
  {
    name: 'numbered plain lines',
    text: `PRIVACY POLICY\n\n1. Information We Collect\n\n${BODY.collect}\n\n2. How We Use Information\n\n${BODY.use}\n\n3. Contact Us\n\n${BODY.contact}\n`,
    item: 'sharing',
    titleLine: '3. How We Share Information',
    after: BODY.use,
    renumbered: [['3. Contact Us', '4. Contact Us']],
  },
  {
    name: 'bold leads',
    text: `# Privacy Policy\n\n**Information We Collect.** ${BODY.collect}\n\n**How We Use Information.** ${BODY.use}\n\n**Contact Us.** ${BODY.contact}\n`,
    item: 'sharing',
    titleLine:
      '**How We Share Information.** [List the kinds of third parties you disclose personal information to, and why.] [State whether you sell personal information or share it for targeted advertising.]',
    after: `**How We Use Information.** ${BODY.use}`,
  },
  {
    name: 'capital lines',
    text: `PRIVACY POLICY\n\nINFORMATION WE COLLECT\n\n${BODY.collect}\n\nHOW WE USE INFORMATION\n\n${BODY.use}\n\nCONTACT US\n\n${BODY.contact}\n`,
    item: 'sharing',
    titleLine: 'HOW WE SHARE INFORMATION',
    after: BODY.use,
  },
  {
    name: 'no headings',
    text: `${BODY.collect} ${BODY.use} ${BODY.contact}\n`,
    item: 'sharing',
    titleLine: '## How We Share Information',
    after: `${BODY.collect} ${BODY.use} ${BODY.contact}`,
  },
];

/** The line ending variants every style is also tried in. */
export const LINE_ENDINGS: [string, string][] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
];

export const withEol = (text: string, eol: string) => text.replace(/\n/g, eol);

/**
 * Checks an inserted section against its case: the title line right after `after` (one
 * blank line between, none in a tight list), renumbered lines changed as listed, and every
 * other line of the original kept, in order. Returns a message, or undefined when it holds.
 */
export function checkInsertion(c: StyleCase, before: string, after: string): string | undefined {
  const split = (t: string) => t.split(/\r\n|\r|\n/);
  const lines = split(after);
  const at = lines.indexOf(c.titleLine);
  if (at < 0) return `no line ${JSON.stringify(c.titleLine)} in ${JSON.stringify(after)}`;
  let prev = at - 1;
  while (prev >= 0 && lines[prev].trim() === '') prev--;
  if (lines[prev] !== c.after)
    return `the section follows ${JSON.stringify(lines[prev])}, not ${JSON.stringify(c.after)}`;
  const renamed = new Map(c.renumbered ?? []);
  const expected = split(before).map((l) => renamed.get(l) ?? l);
  let j = 0;
  for (const line of expected) {
    while (j < lines.length && lines[j] !== line) j++;
    if (j >= lines.length) return `line lost or changed: ${JSON.stringify(line)}`;
    j++;
  }
  for (const [from] of c.renumbered ?? []) if (lines.includes(from)) return `not renumbered: ${JSON.stringify(from)}`;
  return undefined;
}
