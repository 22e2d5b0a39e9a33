// What a section template is. A template states no practice: it gives the title, and
// bracketed prompts that say what the law or the checklist needs the section to say
// (no-placeholders flags every one of them until the author replaces it). Where a section
// has a few common answers, each choice is a neutral wording of that answer, with prompts
// for the specifics; the author picks one in the editor, the command line inserts the
// prompt version.

/** Values a template may use: the document's own facts first, then config, else a [prompt]. */
export interface TemplateValues {
  /** Who "we" are: the company the policy defines, or config `company`, else "us". */
  company: string;
  /** The privacy contact email, or "[privacy contact email]". */
  email: string;
  /** The postal address, or "[postal address]". */
  postal: string;
}

export interface TemplateChoice {
  /** Short id, stable for code actions and tests: "used", "not-used". */
  id: string;
  /** The answer, as a quick-fix title would say it: "We do not use cookies". */
  label: string;
  body(v: TemplateValues): string;
}

export interface SectionTemplate {
  /** The section's title; it must name the item (the item's `headings` match it). */
  title: string;
  /** The prompt version: what the section needs to say, as [bracketed prompts]. */
  body(v: TemplateValues): string;
  /** Common answers, each a neutral wording with prompts for the specifics. */
  choices?: TemplateChoice[];
  /** A line under the title rather than a section ("Last updated: …"). */
  line?: boolean;
}
