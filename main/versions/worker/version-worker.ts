/**
 * The version worker's entry: runs one job at a time for the main process (version-job.ts)
 * and answers with its outcome. Each job opens a connection of its own to the project and
 * closes it when done; a job that fails unexpectedly ends the worker (a transaction under way
 * is rolled back as its connection goes), and the host starts a fresh one for the next job.
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
  void runVersionJob(message.job).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error: unknown) => {
      // A bug, not a refusal: the worker ends, and the host fails the job and starts afresh.
      setImmediate(() => {
        throw error;
      });
    },
  );
});
