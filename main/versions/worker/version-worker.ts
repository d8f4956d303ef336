/**
 * The version worker's entry: computes one job at a time for the main process (version-job.ts)
 * and answers with its outcome. It holds no database; a job that fails unexpectedly ends the
 * worker, and the host starts a fresh one for the next job.
 */
import { parentPort } from 'node:worker_threads';
import { runVersionJob, type VersionJob } from './version-job';

interface JobMessage {
  readonly id: number;
  readonly job: VersionJob;
}

if (parentPort === null) throw new Error('The version worker must run in a worker thread.');
const port = parentPort;
port.on('message', (message: JobMessage) => {
  port.postMessage({ id: message.id, result: runVersionJob(message.job) });
});
