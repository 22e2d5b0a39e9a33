// The extension manifest (package.json) and .vscodeignore keep the promises of the .vsix,
// without running the slow packaging itself: scripts/package.mjs checks the built .vsix.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listFiles, PackageManager } from '@vscode/vsce';
import { MISSING_INSERTABLE } from '../../client/src/checklist-model.js';
import { DEFAULT_FILES } from '../../client/src/selector.js';
import { PROFILES } from '../../server/src/engine/index.js';
import { ClientCommands } from '../../server/src/protocol.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

/** The client's TypeScript sources, concatenated. */
const clientSources = readdirSync(join(root, 'client', 'src'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(root, 'client', 'src', f), 'utf8'))
  .join('\n');

const internalCommands = [
  ClientCommands.showDocs,
  ClientCommands.disableWithReason,
  ClientCommands.revealEvidence,
  ClientCommands.insertSection,
];

describe('extension manifest', () => {
  it('targets VS Code 1.91, no newer, with types no newer than the engine', () => {
    assert.equal(pkg.engines.vscode, '^1.91.0');
    const types = pkg.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    const [maj, min] = types.split('.').map(Number);
    assert.ok(maj === 1 && min <= 91, `@types/vscode ${types} is newer than engines.vscode`);
  });

  it('is a Linter with an icon, a repository, a license and the bundled client as main', () => {
    assert.deepEqual(pkg.categories, ['Linters']);
    assert.equal(pkg.main, './dist/client.cjs');
    assert.equal(pkg.license, 'MIT');
    assert.match(pkg.repository.url, /^https:\/\/github\.com\/policylint\/policylint/);
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30);
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License[\s\S]*policylint contributors/);
    assert.match(
      readFileSync(join(root, 'CHANGELOG.md'), 'utf8'),
      new RegExp(`## ${pkg.version.replace(/\./g, '\\.')}\\b`),
    );
  });

  it('works in untrusted workspaces and, limited, on virtual file systems', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.virtualWorkspaces.description.length > 20);
  });

  it('activates for policies and Markdown, and for workspaces with a config file', () => {
    for (const e of ['onLanguage:privacy-policy', 'onLanguage:markdown', 'workspaceContains:**/.policylintrc.json'])
      assert.ok(pkg.activationEvents.includes(e), e);
  });

  it('contributes the Privacy Policy language with a Markdown-like configuration', () => {
    const lang = contributes.languages.find((l: { id: string }) => l.id === 'privacy-policy');
    assert.deepEqual(lang.aliases[0], 'Privacy Policy');
    assert.deepEqual(lang.extensions, ['.policy.md']);
    const conf = JSON.parse(readFileSync(join(root, lang.configuration), 'utf8'));
    assert.deepEqual(conf.comments.blockComment, ['<!--', '-->']);
    assert.ok(conf.brackets.length >= 3);
    assert.ok(conf.folding.markers.start && conf.folding.markers.end);
  });

  it('contributes grammars and snippets that exist, snippets for both languages', () => {
    for (const g of contributes.grammars) assert.ok(existsSync(join(root, g.path)), g.path);
    assert.deepEqual(contributes.snippets.map((s: { language: string }) => s.language).sort(), [
      'markdown',
      'privacy-policy',
    ]);
    for (const s of contributes.snippets) assert.ok(existsSync(join(root, s.path)), s.path);
  });

  it('declares the settings with the defaults the client and the engine use', () => {
    const p = contributes.configuration.properties;
    assert.deepEqual(p['policylint.files'].default, [...DEFAULT_FILES]);
    assert.deepEqual(p['policylint.run'].enum, ['onType', 'onSave']);
    assert.equal(p['policylint.run'].default, 'onType');
    assert.equal(p['policylint.debounceMs'].default, 200);
    const profile = new RegExp(p['policylint.profile'].pattern);
    for (const id of PROFILES) assert.match(id, profile);
    assert.match('recommended, gdpr,ccpa', profile);
    assert.doesNotMatch('strict', profile);
    assert.deepEqual(p['policylint.trace.server'].enum, ['off', 'messages', 'verbose']);
    for (const [key, value] of Object.entries<{ scope: string }>(p)) {
      assert.equal(value.scope, key === 'policylint.trace.server' ? 'window' : 'resource', key);
    }
  });

  it('validates .policylintrc.json and .policylintrc.jsonc with the schema the build writes, as JSON with comments', () => {
    assert.deepEqual(contributes.jsonValidation, [
      { fileMatch: ['.policylintrc.json', '.policylintrc.jsonc'], url: './schema/policylintrc.schema.json' },
    ]);
    const jsonc = contributes.languages.find((l: { id: string }) => l.id === 'jsonc');
    assert.deepEqual(jsonc?.filenames, ['.policylintrc.json', '.policylintrc.jsonc']);
    assert.match(readFileSync(join(root, 'scripts', 'bundle.mjs'), 'utf8'), /schema\/policylintrc\.schema\.json/);
  });

  it('contributes exactly the client commands, each with a handler registered in the client sources', () => {
    const ids = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(ids, Object.values(ClientCommands).sort());
    assert.match(clientSources, /vscode\.commands\.registerCommand\(/);
    for (const [key, id] of Object.entries(ClientCommands)) {
      assert.ok(
        clientSources.includes(`[ClientCommands.${key}]:`) || clientSources.includes(`registerCommand('${id}'`),
        `no handler for ${id}`,
      );
    }
    for (const c of contributes.commands) assert.equal(c.category, 'Privacy Policy', c.command);
  });

  it('hides the internal commands from the Command Palette', () => {
    const hidden = contributes.menus.commandPalette
      .filter((m: { when: string }) => m.when === 'false')
      .map((m: { command: string }) => m.command);
    assert.deepEqual(hidden.sort(), [...internalCommands].sort());
  });

  it('shows the checklist view in the Explorer for policies, with an inline insert action on missing items', () => {
    const view = contributes.views.explorer.find((v: { id: string }) => v.id === 'policylint.checklist');
    assert.equal(view.name, 'Policy Checklist');
    assert.equal(view.when, 'policylint.activeIsPolicy');
    assert.match(clientSources, /'policylint\.activeIsPolicy'/);
    const inline = contributes.menus['view/item/context'].find(
      (m: { command: string }) => m.command === ClientCommands.insertSection,
    );
    assert.equal(inline.group, 'inline');
    assert.equal(inline.when, `view == policylint.checklist && viewItem == ${MISSING_INSERTABLE}`);
    const known = new Set(Object.values(ClientCommands) as string[]);
    for (const items of Object.values<{ command: string }[]>(contributes.menus))
      for (const m of items) assert.ok(known.has(m.command), m.command);
  });

  it('packages with vsce through scripts/package.mjs, without dependencies', async () => {
    assert.match(pkg.scripts.package, /npm run build && node scripts\/package\.mjs/);
    assert.match(readFileSync(join(root, 'scripts', 'package.mjs'), 'utf8'), /'package', '--no-dependencies'/);
    const pack = await import(pathToFileURL(join(root, 'scripts', 'package.mjs')).href);
    assert.deepEqual(
      pack
        .checkEntries([
          'extension/node_modules/x/index.js',
          'extension/client/src/extension.ts',
          'extension/dist/client.cjs.map',
        ])
        .filter((p: string) => p.startsWith('should not')),
      [
        'should not contain extension/node_modules/x/index.js',
        'should not contain extension/client/src/extension.ts',
        'should not contain extension/dist/client.cjs.map',
      ],
    );
  });
});

describe('.vscodeignore', () => {
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('is an allow-list naming the bundles, grammar, snippets, docs, schema and the documents', () => {
    assert.equal(ignore[0], '**');
    const allowed = ignore.slice(1);
    assert.ok(
      allowed.every((l) => l.startsWith('!')),
      'every line after ** re-includes something',
    );
    for (const f of [
      'CHANGELOG.md',
      'LICENSE',
      'images/icon.png',
      'dist/client.cjs',
      'dist/server.cjs',
      'language-configuration.json',
    ]) {
      assert.ok(allowed.includes(`!${f}`), f);
    }
    // The README is the Marketplace one, which vsce is given by path (it would lose to a re-included README.md).
    assert.ok(!allowed.includes('!README.md'), 'the developer README.md is re-included');
    assert.match(
      readFileSync(join(root, 'scripts', 'package.mjs'), 'utf8'),
      /'--readme-path', 'packaging\/README\.marketplace\.md'/,
    );
    for (const dir of ['syntaxes/', 'snippets/', 'schema/', 'docs/'])
      assert.ok(
        allowed.some((l) => l.startsWith(`!${dir}`)),
        dir,
      );
  });

  it('lets vsce pick only those files: no node_modules, sources, tests or source maps', async () => {
    const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
    const bad = files.filter((f) =>
      /(^|\/)node_modules\/|\.tsx?$|\.map$|^(client|server|test|scripts|out|bench|corpus|\.ci)\//.test(f),
    );
    assert.deepEqual(bad, []);
    for (const f of [
      'package.json',
      'LICENSE',
      'CHANGELOG.md',
      'images/icon.png',
      'language-configuration.json',
      'snippets/privacy-policy.code-snippets',
    ]) {
      assert.ok(files.includes(f), `${f} is not packaged`);
    }
    for (const g of contributes.grammars) assert.ok(files.includes(g.path.replace(/^\.\//, '')), g.path);
    // Built files are packaged whenever the build has run.
    for (const f of ['dist/client.cjs', 'dist/server.cjs', 'schema/policylintrc.schema.json']) {
      if (existsSync(join(root, f))) assert.ok(files.includes(f), `${f} is not packaged`);
    }
  });
});
