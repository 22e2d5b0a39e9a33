import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Do Not Track',
  body: () =>
    '[State how your services respond to Do Not Track signals and opt-out preference signals such as Global Privacy Control.] ' +
    '[State whether other parties can collect information about users across sites through your services.]',
};
export default template;
