// An exercise names the plan files it needs (planFiles, relative to it): validate reads them too,
// so that `crisis validate exercise.yaml` resolves its plan like `crisis exercise run` does.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath, type InputFile } from '../adapters/plan-files.js';
import type { Finding, RuleMeta } from '../core/findings.js';
import type { SourceDocument } from '../core/plan/source.js';

export const missingPlanFileRule: RuleMeta = {
  id: 'exercise/missing-plan-file',
  severity: 'error',
  description: 'Every file an exercise lists in planFiles exists (paths are relative to the exercise file).',
};

/** Plan files named by the exercises among `docs` that are not already in `files`, and findings for missing ones. */
export function exercisePlanFiles(docs: readonly SourceDocument[], files: readonly InputFile[], cwd: string): { extra: InputFile[]; findings: Finding[] } {
  const known = new Set(files.map((f) => f.absolute));
  const extra: InputFile[] = [];
  const findings: Finding[] = [];
  for (const doc of docs) {
    const value = doc.value as { kind?: unknown; planFiles?: unknown };
    if (value.kind !== 'Exercise' || !Array.isArray(value.planFiles)) continue;
    const owner = files.find((f) => f.display === doc.file);
    if (!owner) continue;
    value.planFiles.forEach((p: unknown, i) => {
      if (typeof p !== 'string') return; // the schema reports it
      const absolute = resolve(dirname(owner.absolute), p);
      if (!existsSync(absolute) || statSync(absolute).isDirectory()) {
        const path = `/planFiles/${i}`;
        findings.push({ file: doc.file, ...doc.locate(path), severity: missingPlanFileRule.severity, rule: missingPlanFileRule.id, message: `plan file '${p}' does not exist next to this exercise: fix the path (it is relative to the exercise file)`, path });
        return;
      }
      if (known.has(absolute)) return;
      known.add(absolute);
      extra.push({ absolute, display: displayPath(absolute, cwd) });
    });
  }
  return { extra, findings };
}
