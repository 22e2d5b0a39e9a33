import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'How Long We Keep Information',
  body: () =>
    '[State how long you keep each kind of personal information, or the criteria that decide it.] ' +
    '[Describe what happens to the information at the end of that period.]',
};
export default template;
