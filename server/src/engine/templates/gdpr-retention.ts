import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'How Long We Keep Personal Data',
  body: () =>
    '[For each kind of personal data: how long it is kept, or the criteria that decide it (for example the life of an account or a legal period), and what happens to it afterwards]',
};
export default template;
