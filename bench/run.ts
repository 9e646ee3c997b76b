/**
 * `npm run bench -- <name> [name …]` runs the named benchmarks (all when none is named).
 * Each benchmark is a module in bench/ exporting `run(args)` that prints its own table (what it returns is
 * for other benchmarks that build on it).
 */
const available: Record<string, () => Promise<{ run: (args: string[]) => Promise<unknown> }>> = {
  audit: () => import('./audit.js'),
  calendar: () => import('./calendar.js'),
  dispatch: () => import('./dispatch.js'),
  evaluation: () => import('./evaluation.js'),
  geo: () => import('./geo.js'),
  intake: () => import('./intake.js'),
  timers: () => import('./timers.js'),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  const flags = args.filter((a) => a.startsWith('--'));
  const selected = names.length > 0 ? names : Object.keys(available);
  for (const name of selected) {
    const load = available[name];
    if (!load) {
      console.error(`unknown benchmark "${name}"; available: ${Object.keys(available).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    const bench = await load();
    await bench.run(flags);
  }
}

await main();
