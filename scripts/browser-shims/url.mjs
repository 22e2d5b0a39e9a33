// node:url in the web-worker server bundle: file: URIs have no file system behind them there,
// so fileURLToPath fails and the server treats every document as a virtual one.
export const fileURLToPath = () => {
  throw new TypeError('no file system in the browser');
};
export const pathToFileURL = (p) => new URL(`file://${encodeURI(p)}`);
export const URL = globalThis.URL;
export default { fileURLToPath, pathToFileURL, URL };
