// .crisis.yaml, the team's settings for `crisis validate`:
//   ignore: [drafts/**, vendor/]          # globs, relative to the file's folder
//   rules: { nis2/*: error, escalate/not-higher: off }
// Checked whole before use: the first problem is reported with its line, and nothing is guessed.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { RuleMeta } from '../findings.js';
import { closestName } from '../plan/did-you-mean.js';
import { refusal, rulesNamed, ruleSettings, type RuleOverride, type RuleSetting } from '../suppression/rule-settings.js';

export const CONFIG_FILE = '.crisis.yaml';

export interface CrisisConfig {
  ignore: string[];
  rules: RuleOverride[];
}

export type ConfigResult = { ok: true; config: CrisisConfig } | { ok: false; line: number; message: string };

const KEYS = ['ignore', 'rules'];

class ConfigProblem extends Error {
  constructor(
    readonly node: Node | null | undefined,
    message: string,
  ) {
    super(message);
  }
}

const hint = (word: string, candidates: readonly string[]): string => {
  const near = closestName(word, candidates);
  return near === undefined ? '' : `; did you mean '${near}'?`;
};

function ignoreList(node: Node | null): string[] {
  if (node === null) return [];
  if (!isSeq(node)) throw new ConfigProblem(node, "'ignore' must be a list of globs, e.g. ignore: [drafts/**]");
  return node.items.map((item) => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
      throw new ConfigProblem(item as Node, "each 'ignore' entry must be a glob string, e.g. drafts/**");
    }
    return item.value.trim();
  });
}

function ruleList(node: Node | null, rules: readonly RuleMeta[]): RuleOverride[] {
  if (node === null) return [];
  if (!isMap(node)) throw new ConfigProblem(node, "'rules' must map rule ids to off, warning or error, e.g. rules: { nis2/*: error }");
  return node.items.map(({ key, value }) => {
    const id = isScalar(key) ? String(key.value) : '';
    const named = rulesNamed(id, rules);
    if (named.length === 0) throw new ConfigProblem(key as Node, `'${id}' is not a rule${hint(id, rules.map((r) => r.id))}`);
    const setting = isScalar(value) ? value.value : undefined;
    if (typeof setting !== 'string' || !(ruleSettings as readonly string[]).includes(setting)) {
      throw new ConfigProblem((value ?? key) as Node, `rule '${id}' must be set to off, warning or error`);
    }
    const refused = named.map((r) => refusal(r, setting as RuleSetting)).find((why) => why !== undefined);
    if (refused !== undefined) throw new ConfigProblem(value as Node, refused);
    return { pattern: id, setting: setting as RuleSetting };
  });
}

/** Parse and check the text of a .crisis.yaml against the known rules. */
export function parseConfig(text: string, rules: readonly RuleMeta[]): ConfigResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, merge: false });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? counter.linePos(node.range[0]).line : 1);
  const error = doc.errors[0];
  if (error) return { ok: false, line: error.linePos?.[0].line ?? 1, message: `not valid YAML: ${error.message.split('\n')[0] ?? ''}` };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { ok: true, config: { ignore: [], rules: [] } };
  try {
    if (!isMap(root)) throw new ConfigProblem(root, 'must be a mapping with ignore and rules');
    const config: CrisisConfig = { ignore: [], rules: [] };
    for (const { key, value } of root.items) {
      const name = isScalar(key) ? String(key.value) : '';
      if (name === 'ignore') config.ignore = ignoreList(value as Node | null);
      else if (name === 'rules') config.rules = ruleList(value as Node | null, rules);
      else throw new ConfigProblem(key as Node, `unknown setting '${name}'${hint(name, KEYS)} (settings: ${KEYS.join(', ')})`);
    }
    return { ok: true, config };
  } catch (problem) {
    if (!(problem instanceof ConfigProblem)) throw problem;
    return { ok: false, line: lineOf(problem.node), message: problem.message };
  }
}
