/**
 * The import worker's entry: reads one job at a time from the main process and answers with
 * its outcome. It holds no database and no window; a job that runs away is stopped by the
 * host, which then starts a fresh worker.
 */
import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJobRequest } from './import-job';

interface JobMessage {
  readonly id: number;
  readonly request: ImportJobRequest;
}

if (parentPort === null) throw new Error('The import worker must run in a worker thread.');
const port = parentPort;
port.on('message', (message: JobMessage) => {
  void runImportJob(message.request).then((result) => port.postMessage({ id: message.id, result }));
});
