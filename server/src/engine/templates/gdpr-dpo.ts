import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Data Protection Officer',
  body: () =>
    '[The name or role and the contact details of your data protection officer, or a statement that none is appointed; if you are outside the EU, your EU representative and how to reach them]',
};
export default template;
