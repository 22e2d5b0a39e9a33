import type { SectionTemplate } from './template.js';

const template: SectionTemplate = {
  title: 'Last updated',
  body: () => 'Last updated: [Month D, YYYY]',
  line: true,
};
export default template;
