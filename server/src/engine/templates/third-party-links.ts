import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Links to Other Websites',
  body: () =>
    '[State whether your services link to sites or services that others run, and that this policy does not cover how they handle information.]',
};
export default template;
