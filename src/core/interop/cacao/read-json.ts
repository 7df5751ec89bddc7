// A CACAO file's bytes as JSON, or one sentence saying why not: not UTF-8, not JSON (with the
// line and column), nested too deep to handle safely, or not a CACAO playbook at all.
import { UsageError } from '../../errors.js';

/** Deeper than any playbook needs; deeper data would only exhaust the stack later (YAML output). */
export const MAX_JSON_DEPTH = 64;

/** The parsed playbook object; throws a UsageError naming `file` and the problem. */
export function readCacaoJson(file: string, bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text: give a CACAO 2.0 playbook (JSON)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const where = at ? `:${lineColumn(text, Number(at[1]))}` : '';
    throw new UsageError(`${file}${where}: not JSON (${message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s+/g, ' ')}): give a CACAO 2.0 playbook (JSON)`);
  }
  if (depthAbove(value, MAX_JSON_DEPTH)) throw new UsageError(`${file}: JSON nested deeper than ${MAX_JSON_DEPTH} levels: not a playbook crisis reads`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${file}: not a CACAO playbook (the JSON is not an object)`);
  const playbook = value as Record<string, unknown>;
  if (playbook.type !== 'playbook') throw new UsageError(`${file}: not a CACAO playbook (its type is ${JSON.stringify(playbook.type ?? null).slice(0, 40)}, not "playbook")`);
  const workflow = playbook.workflow;
  if (typeof workflow !== 'object' || workflow === null || Array.isArray(workflow)) throw new UsageError(`${file}: the CACAO playbook has no workflow object: nothing to import`);
  if (typeof playbook.workflow_start !== 'string' || !Object.hasOwn(workflow, playbook.workflow_start)) {
    throw new UsageError(`${file}: the CACAO playbook's workflow_start names no step of its workflow: nothing to import`);
  }
  return playbook;
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `${line}:${pos - before.lastIndexOf('\n')}`;
}

/** Whether the value nests deeper than `max` (iterative: the data may be deeper than the stack). */
function depthAbove(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() ?? [null, 0];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
