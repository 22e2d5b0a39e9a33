// Preloaded into each measured process (`node --require bench/peak-rss.cjs …`, passed down to
// any child node process through NODE_OPTIONS) to record its peak resident set size.
// Why a preload and not /proc polling: process.resourceUsage().maxRSS is the kernel's own
// high-water mark (getrusage ru_maxrss), so a short peak between two polls is never missed;
// it is process-wide, so it counts worker threads too. On exit the main thread writes
// { pid, maxRssKb } to $PEAK_RSS_DIR/<pid>.json; the bench sums the files of one run (an
// upper bound when a tool runs several processes at once, exact for one process).
'use strict';
const { isMainThread } = require('node:worker_threads');
const dir = process.env.PEAK_RSS_DIR;
if (dir && isMainThread) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(
        require('node:path').join(dir, `${process.pid}.json`),
        JSON.stringify({ pid: process.pid, maxRssKb: process.resourceUsage().maxRSS }),
      );
    } catch {
      // A missing figure shows as "—" in the table; never change the tool's exit.
    }
  });
}
