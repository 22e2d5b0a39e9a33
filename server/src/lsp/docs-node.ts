// Finds the rule pages shipped with the server (docs/rules beside dist/ in the .vsix and
// the npm package, or in the repository when run from out/): Node only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file: URL of the nearest docs/rules folder above `moduleUrl`, or undefined. */
export function findBundledDocs(moduleUrl: string): string | undefined {
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(moduleUrl));
  } catch {
    return undefined;
  }
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'README.md'))) return pathToFileURL(candidate).href + '/';
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
