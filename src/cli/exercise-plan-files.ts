// An exercise names the plan files it needs (planFiles, relative to it): validate reads them too,
// so that `crisis validate exercise.yaml` resolves its plan like `crisis exercise run` does.
// They must stay in the exercise's folder tree unless --allow-outside: an exercise from elsewhere
// must not make crisis read (and echo) /etc/shadow or ../../secrets.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { confinement } from '../adapters/confined-path.js';
import { displayPath, type InputFile } from '../adapters/plan-files.js';
import type { Finding, RuleMeta } from '../core/findings.js';
import type { SourceDocument } from '../core/plan/source.js';

export const missingPlanFileRule: RuleMeta = {
  id: 'exercise/missing-plan-file',
  severity: 'error',
  description: 'Every file an exercise lists in planFiles exists (paths are relative to the exercise file).',
};

export const outsidePlanFileRule: RuleMeta = {
  id: 'exercise/plan-file-outside',
  severity: 'error',
  description: "Every file an exercise lists in planFiles is in the exercise file's folder or below it (unless --allow-outside).",
};

export interface PlanFileOptions {
  /** Read plan files outside the exercise's folder tree too. */
  allowOutside: boolean;
}

/** Plan files named by the exercises among `docs` that are not already in `files`, and findings for missing or outside ones. */
export function exercisePlanFiles(docs: readonly SourceDocument[], files: readonly InputFile[], cwd: string, options: PlanFileOptions): { extra: InputFile[]; findings: Finding[] } {
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
      const path = `/planFiles/${i}`;
      const report = (rule: RuleMeta, message: string): void => {
        findings.push({ file: doc.file, ...doc.locate(path), severity: rule.severity, rule: rule.id, message, path });
      };
      const { absolute, where } = confinement(dirname(owner.absolute), p);
      if (where === 'outside' && !options.allowOutside) {
        report(outsidePlanFileRule, `plan file '${p}' is outside this exercise's folder, so it is not read: keep plan files in the exercise's folder or below it, or pass --allow-outside if you trust this exercise`);
        return;
      }
      if (!isFile(absolute)) {
        report(missingPlanFileRule, `plan file '${p}' does not exist next to this exercise: fix the path (it is relative to the exercise file)`);
        return;
      }
      if (known.has(absolute)) return;
      known.add(absolute);
      extra.push({ absolute, display: displayPath(absolute, cwd) });
    });
  }
  return { extra, findings };
}

function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
