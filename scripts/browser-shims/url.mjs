// node:url in the web-worker server bundle. The server there names files by paths in its
// in-memory file system (fs.mjs), which server-browser.ts derives from the documents' URIs;
// file: URIs are not decoded here (fileURLToPath fails), and pathToFileURL gives back the URI
// a virtual file came from (so a config file's diagnostics go to the client's URI for it).
import { virtualFileUri } from './fs.mjs';

export const fileURLToPath = () => {
  throw new TypeError('no file system in the browser');
};
export const pathToFileURL = (p) => new URL(virtualFileUri(p) ?? `file://${encodeURI(p)}`);
export const URL = globalThis.URL;
export default { fileURLToPath, pathToFileURL, URL };
