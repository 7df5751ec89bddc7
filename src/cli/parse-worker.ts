// A worker thread of `crisis validate`: reads batches of files' bytes into plain values
// (parse-in-workers.ts). A file with any finding is sent back to be parsed by the main thread,
// so that findings, their order and their positions are exactly those of a serial run.
import { parentPort } from 'node:worker_threads';
import { parseFile } from './load-documents.js';

export interface WorkerFile {
  index: number;
  file: string;
  bytes: Uint8Array;
}

export type WorkerResult = { index: number; text: string; value: unknown } | { index: number; redo: true };

parentPort?.on('message', (batch: WorkerFile[]) => {
  const results: WorkerResult[] = batch.map(({ index, file, bytes }) => {
    const { doc, findings } = parseFile(file, bytes);
    return doc && findings.length === 0 ? { index, text: doc.text, value: doc.value } : { index, redo: true };
  });
  parentPort?.postMessage(results);
});
