import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Contact Us',
  body: (v) => `If you have questions about this policy, contact ${v.company} at ${v.email}, or write to ${v.postal}.`,
};
export default template;
