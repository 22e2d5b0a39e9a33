// Memory: the language server's resident set with 100 distinct 5,000-word policies open, then
// each edited a few times, read from /proc/<pid>/status of the server process once every
// document has the diagnostics of its latest version.
import { readFileSync } from 'node:fs';
import { policyVariant } from './documents.js';
import { editPlan, policyUri, startServer } from './lsp.js';
import { heading, mb, table } from './stats.js';

const DOCUMENTS = 100;
/** Edits per document after they are all open (each waits for its diagnostics). */
const EDITS = 5;

/** VmRSS (now) and VmHWM (peak) of a process, in bytes. */
function procStatus(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

export async function serverMemory(): Promise<Record<string, unknown>> {
  const server = await startServer();
  try {
    const pid = server.proc.pid!;
    const idle = procStatus(pid);
    const texts = Array.from({ length: DOCUMENTS }, (_, i) => policyVariant(i));
    const distinct = new Set(texts).size;
    const t0 = performance.now();
    const all = texts.map((text, i) => {
      const uri = policyUri(`memory-${i + 1}`);
      const done = server.published(uri, 1);
      void server.open(uri, text);
      return done;
    });
    await Promise.all(all);
    const allMs = performance.now() - t0;
    const open = procStatus(pid);
    // Then every document is edited a few times, as a session of work would.
    for (let e = 0; e < EDITS; e++) {
      await Promise.all(
        texts.map((text, i) => {
          const uri = policyUri(`memory-${i + 1}`);
          const done = server.published(uri, e + 2);
          void server.change(uri, e + 2, [editPlan(text, EDITS)[e]]);
          return done;
        }),
      );
    }
    const edited = procStatus(pid);
    heading(
      'Server memory',
      `${DOCUMENTS} distinct 5,000-word policies opened at once (${distinct} distinct texts, ${mb(texts.reduce((n, t) => n + Buffer.byteLength(t), 0))} MB); RSS of the server process from /proc/<pid>/status once all ${DOCUMENTS} have diagnostics (${(allMs / 1000).toFixed(1)} s), and again after each was edited ${EDITS} times.`,
    );
    table(
      ['server process', 'VmRSS MB', 'VmHWM (peak) MB'],
      [
        ['initialized, nothing open', mb(idle.rss), mb(idle.hwm)],
        [`${DOCUMENTS} policies open, all linted`, mb(open.rss), mb(open.hwm)],
        [`then each edited ${EDITS} times`, mb(edited.rss), mb(edited.hwm)],
      ],
    );
    return {
      documents: DOCUMENTS,
      distinct,
      idleRssBytes: idle.rss,
      rssBytes: open.rss,
      peakRssBytes: open.hwm,
      editedRssBytes: edited.rss,
      editedPeakRssBytes: edited.hwm,
      allDiagnosticsMs: allMs,
    };
  } finally {
    await server.stop();
  }
}
