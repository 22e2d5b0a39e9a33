// The fault hook for front-end tests lives outside the public options: a rule made to throw
// through engine/faults.ts becomes one message naming it, and `LintOptions` has no such field.
import assert from 'node:assert/strict';
import { lint, type LintOptions } from '../../server/src/engine/index.js';
import * as engine from '../../server/src/engine/index.js';
import { withFaults } from '../../server/src/engine/faults.js';

const TEXT = '# Privacy Policy\n\nWe collect your email address. See Section 9.\n';

describe('fault injection (engine/faults.ts)', () => {
  it('makes the named rule fail as one message, and only through withFaults', () => {
    const options: LintOptions = { assumePolicy: true };
    const failed = lint(TEXT, withFaults(options, { throwInRule: 'cross-reference' })).messages.filter(
      (m) => m.ruleError,
    );
    assert.deepEqual(
      failed.map((m) => m.ruleId),
      ['cross-reference'],
    );
    assert.match(failed[0].message, /Rule cross-reference failed on this document/);
    assert.deepEqual(
      lint(TEXT, options).messages.filter((m) => m.ruleError),
      [],
    );
    // An option spelled like the old hook is not read.
    assert.deepEqual(
      lint(TEXT, { ...options, throwInRule: 'cross-reference' } as LintOptions).messages.filter((m) => m.ruleError),
      [],
    );
  });

  it('is not part of the public API or of LintOptions', () => {
    assert.equal('withFaults' in engine, false);
    assert.equal('faultsOf' in engine, false);
    // @ts-expect-error LintOptions names no test hook.
    const options: LintOptions = { throwInRule: 'cross-reference' };
    assert.ok(options);
  });
});
