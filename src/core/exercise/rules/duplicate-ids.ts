// exercise/duplicate-inject and exercise/duplicate-id: ids an exercise declares are unique.
import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from '../../plan/rules/finding.js';
import { get, items, pointer, str } from '../../plan/rules/safe.js';
import type { ExerciseRule } from './rule.js';

const injectMeta: RuleMeta = { id: 'exercise/duplicate-inject', severity: 'error', description: 'Inject ids are unique in the exercise.' };
const idMeta: RuleMeta = {
  id: 'exercise/duplicate-id',
  severity: 'error',
  description: 'Objective and expectation ids are unique in the exercise (they share one namespace in reports).',
};

/** Findings for the second and later uses of an id across the given lists. */
function duplicates(meta: RuleMeta, exercise: unknown, lists: readonly string[]): RuleFinding[] {
  const first = new Map<string, string>();
  const out: RuleFinding[] = [];
  for (const list of lists) {
    items(exercise, list).forEach((entry, i) => {
      const id = str(get(entry, 'id'));
      if (id === undefined) return;
      const path = pointer(list, i, 'id');
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, path);
      else out.push(finding(meta, path, `id "${id}" is already used at ${earlier}: give each its own id`));
    });
  }
  return out;
}

/** Reports injects that reuse an inject id. */
export const duplicateInject: ExerciseRule = { ...injectMeta, check: (ctx) => duplicates(injectMeta, ctx.exercise, ['injects']) };

/** Reports objectives and expectations that reuse an id of either. */
export const duplicateId: ExerciseRule = { ...idMeta, check: (ctx) => duplicates(idMeta, ctx.exercise, ['objectives', 'expectations']) };
