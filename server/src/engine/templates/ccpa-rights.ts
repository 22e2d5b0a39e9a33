import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Your Rights Under the CCPA',
  body: () =>
    '[The rights California residents have under the CCPA and how to use them: the right to know, to delete, to correct, to opt out of the sale or sharing of personal information, and not to be discriminated against for using them]',
};
export default template;
