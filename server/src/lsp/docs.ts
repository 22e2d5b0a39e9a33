// Where a rule's documentation page is: the `docsUrl` setting (a base URL, or a template
// with `{rule}`), else the pages bundled beside the server (set at start-up by the Node
// entry point, a file: URI that works offline), else the project's published pages.
import { DOCS_BASE } from '../engine/index.js';

let bundledBase: string | undefined;

/** The base URL of the bundled rule pages (ends with '/'), or undefined when there are none. */
export function setBundledDocsBase(base: string | undefined): void {
  bundledBase = base && !base.endsWith('/') ? `${base}/` : base;
}

export function bundledDocsBase(): string | undefined {
  return bundledBase;
}

/** The documentation page of `ruleId` for the `docsUrl` setting (empty: the bundled page). */
export function docsHref(ruleId: string, configured?: string): string {
  const base = configured || bundledBase || DOCS_BASE;
  if (base.includes('{rule}')) return base.split('{rule}').join(encodeURIComponent(ruleId));
  return `${base.endsWith('/') ? base : `${base}/`}${encodeURIComponent(ruleId)}.md`;
}
