import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Complaints to a Supervisory Authority',
  body: () =>
    '[That the reader has the right to lodge a complaint with a data protection supervisory authority, in particular where they live or work, and how to find it]',
};
export default template;
