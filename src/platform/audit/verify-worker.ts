/** Worker-thread entry of parallel verification: verifies one share (copy-verifier.ts) and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyShare, type ShareTask } from './copy-verifier.js';

const port = parentPort;
if (!port) throw new Error('verify-worker runs in a worker thread');
const result = await verifyShare(workerData as ShareTask, (events) => port.postMessage({ progress: events }));
port.postMessage({ result });
