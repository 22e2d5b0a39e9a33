import assert from 'node:assert/strict';
import { CONFIG_FILE_NAME, defaultConfigText } from '../../client/src/config-template.js';
import { parseConfigText, resolveConfig } from '../../server/src/engine/index.js';

describe('client: Create Config File', () => {
  it('writes the documented starting config as JSON with a trailing newline', () => {
    const text = defaultConfigText();
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(JSON.parse(text), {
      extends: 'recommended',
      rules: {},
      company: '',
      contactEmail: '',
      postalAddress: '',
    });
    assert.equal(CONFIG_FILE_NAME, '.policylintrc.json');
  });

  it('is a config the engine reads: the recommended profile, no fill-in values yet', () => {
    const { data, errors } = parseConfigText(defaultConfigText(), CONFIG_FILE_NAME);
    // The empty fill-in values are there for the author to complete; "" means not set.
    assert.deepEqual(errors, []);
    const { config } = resolveConfig(data, { file: CONFIG_FILE_NAME });
    assert.deepEqual(config.profiles, ['recommended']);
    assert.equal(config.company, undefined);
    assert.equal(config.contactEmail, undefined);
    assert.equal(config.postalAddress, undefined);
  });
});
