// When crisis walks a folder it reads only crisis documents, so a repository's other YAML (CI
// workflows, .pre-commit-config.yaml, Kubernetes manifests) is left alone. A crisis document
// says so in a top-level `apiVersion: crisis/...` line (JSON-style `"apiVersion": "crisis/..."`
// too); a wrong version is still read, and reported, rather than skipped.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

const LINE = /^\uFEFF?["']?apiVersion["']?[ \t]*:[ \t]*["']?crisis\//m;
const FLOW = /["']apiVersion["']\s*:\s*["']crisis\//;

/** Whether the text declares a crisis apiVersion. */
export function declaresCrisis(text: string): boolean {
  return LINE.test(text) || FLOW.test(text);
}

/** Whether the file at `absolute` declares a crisis apiVersion in its first `maxBytes` bytes. */
export function isCrisisFile(absolute: string, maxBytes: number): boolean {
  let fd: number | undefined;
  try {
    if (!statSync(absolute).isFile()) return true; // a pipe would block the open: the reader refuses it
    fd = openSync(absolute, 'r');
    const size = Math.min(fstatSync(fd).size, maxBytes);
    const buffer = Buffer.alloc(size);
    const read = readSync(fd, buffer, 0, size, 0);
    return declaresCrisis(buffer.subarray(0, read).toString('utf8'));
  } catch {
    return true; // unreadable: let the reader report it with its reason
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
