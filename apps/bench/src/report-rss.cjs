// Preloaded into every Node process of a benchmarked command: appends its peak RSS (KiB) at exit.
const fs = require('node:fs');
if (process.env.ECL_RSS_FILE)
  process.on('exit', () => {
    try {
      fs.appendFileSync(process.env.ECL_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // No file to append to: the benchmark reports the process without its peak RSS.
    }
  });
