// The .policylintrc.json that Create Config File writes. Pure.
// No "$schema" key: the extension validates the file through contributes.jsonValidation.

export const CONFIG_FILE_NAME = '.policylintrc.json';

export function defaultConfigText(): string {
  const config = { extends: 'recommended', rules: {}, company: '', contactEmail: '', postalAddress: '' };
  return `${JSON.stringify(config, null, 2)}\n`;
}
