// Parse many files on every core: the parse is most of validate's work and each file's parse
// is independent (the rules, which compare files, run afterwards on the main thread). Results
// come back in file order; a file with findings is parsed again here, so the output is the same
// as a serial run's, byte for byte. CRISIS_WORKERS=N sets the number of threads (1: none).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../core/findings.js';
import { lazySourceDocument } from '../core/plan/parse-source.js';
import type { SourceDocument } from '../core/plan/source.js';
import { parseFile } from './load-documents.js';
import type { WorkerFile, WorkerResult } from './parse-worker.js';

export interface ParsedFile {
  doc?: SourceDocument;
  findings: Finding[];
}

/** Below this many files a thread costs more to start than it saves. */
const MIN_FILES = 48;
const BATCH = 16;

/** How many threads to parse `count` files with (1: parse here, serially). */
export function workerCount(count: number, env: Readonly<Record<string, string | undefined>>): number {
  const asked = Number(env['CRISIS_WORKERS']);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 16);
  return count >= MIN_FILES ? Math.min(availableParallelism(), 8) : 1;
}

/** Parse every file (bytes already read), in threads when `threads` > 1; `done` is told how many are parsed. */
export async function parseFiles(
  files: readonly { file: string; bytes: Uint8Array }[],
  threads: number,
  done: (count: number) => Promise<void> = async () => {},
): Promise<ParsedFile[]> {
  if (threads <= 1 || files.length < 2) {
    const out: ParsedFile[] = [];
    for (const f of files) {
      out.push(parseFile(f.file, f.bytes));
      await done(out.length);
    }
    return out;
  }
  const results: (WorkerResult | undefined)[] = new Array(files.length);
  const batches: WorkerFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    batches.push(files.slice(i, i + BATCH).map((f, j) => ({ index: i + j, file: f.file, bytes: f.bytes })));
  }
  let finished = 0;
  const pool: Worker[] = [];
  try {
    for (let i = 0; i < Math.min(threads, batches.length); i++) pool.push(new Worker(new URL('./parse-worker.js', import.meta.url)));
  } catch {
    // No thread could start (running from source, say): what is left is parsed below, here.
  }
  try {
    // A thread that fails leaves its batch unparsed; it is parsed below, on this thread.
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const next = (): void => {
              const batch = batches.shift();
              if (batch === undefined) return resolve();
              worker.postMessage(batch);
            };
            worker.on('message', (batch: WorkerResult[]) => {
              for (const r of batch) results[r.index] = r;
              finished += batch.length;
              done(finished).then(next, () => resolve());
            });
            worker.on('error', () => resolve());
            worker.on('exit', () => resolve());
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return files.map((f, i) => {
    const r = results[i];
    if (r === undefined || 'redo' in r) return parseFile(f.file, f.bytes);
    return { doc: lazySourceDocument(f.file, r.text, r.value), findings: [] };
  });
}
