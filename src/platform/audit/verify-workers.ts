/**
 * Parallel verification of a tenant's chains: the records are split into shares by a hash of their id, and
 * each share is read and checked by a worker thread with its own connection (copy-verifier.ts). A record
 * lies in exactly one share, so the shares need no merging beyond adding up.
 */
import { Worker } from 'node:worker_threads';
import { compareProblems } from './chain-checker.js';
import type { ShareResult, ShareTask } from './copy-verifier.js';

/** Under tsx (tests, `npm run dev`) the worker is TypeScript and must load tsx itself. */
function startWorker(task: ShareTask): Worker {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(source ? './verify-worker.ts' : './verify-worker.js', import.meta.url);
  if (!source) return new Worker(entry, { workerData: task });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: task });
}

function runShare(
  worker: Worker,
  task: ShareTask,
  onProgress: (share: number, events: number) => void,
): Promise<ShareResult> {
  return new Promise((resolve, reject) => {
    let result: ShareResult | null = null;
    worker.on('message', (m: { progress?: number; result?: ShareResult }) => {
      if (m.progress !== undefined) onProgress(task.share, m.progress);
      if (m.result) result = m.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`verify worker ${task.share} stopped (exit code ${code}) without a result`));
    });
  });
}

export async function verifyChainsInParallel(
  task: { url: string; tenantId: number; maxProblems: number; workers: number },
  onProgress?: (events: number) => void,
): Promise<ShareResult> {
  const progress = new Array<number>(task.workers).fill(0);
  const tasks: ShareTask[] = progress.map((_, share) => ({
    url: task.url,
    tenantId: task.tenantId,
    maxProblems: task.maxProblems,
    share,
    shares: task.workers,
  }));
  const workers = tasks.map(startWorker);
  let results: ShareResult[];
  try {
    results = await Promise.all(
      tasks.map((t, i) =>
        runShare(workers[i] as Worker, t, (s, events) => {
          progress[s] = events;
          onProgress?.(progress.reduce((a, b) => a + b, 0));
        }),
      ),
    );
  } catch (error) {
    // One share failed (e.g. the connection dropped): the report would be incomplete, so stop the others.
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  const problems = results.flatMap((r) => r.problems).sort(compareProblems);
  return {
    events: results.reduce((n, r) => n + r.events, 0),
    records: results.reduce((n, r) => n + r.records, 0),
    problems: problems.slice(0, task.maxProblems),
    moreProblems:
      results.reduce((n, r) => n + r.moreProblems, 0) + Math.max(0, problems.length - task.maxProblems),
  };
}
