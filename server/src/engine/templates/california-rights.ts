import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Your California Privacy Rights',
  body: (v) =>
    '[Describe the rights California residents have (to know, delete, correct, and opt out of sale or sharing) and how to use each.] ' +
    `To make a request, write to ${v.email}. [State how you verify a request and how long you take to answer it.]`,
};
export default template;
