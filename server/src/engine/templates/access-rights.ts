import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Accessing and Correcting Your Information',
  body: (v) =>
    '[List the rights users have over their personal information, such as access, correction, deletion and portability.] ' +
    `To make a request, write to ${v.email}. [State how you confirm who is asking and how long you take to answer.]`,
};
export default template;
