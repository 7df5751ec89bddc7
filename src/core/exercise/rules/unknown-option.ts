// exercise/unknown-option and exercise/unknown-action: what a decision or action-done names
// exists at the step it names (checked only when the entry names its step).
import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from '../../plan/rules/finding.js';
import { get, items, pointer, str } from '../../plan/rules/safe.js';
import { didYouMean, quoteList } from '../../plan/rules/words.js';
import { lookup } from './lookup.js';
import type { ExerciseContext, ExerciseRule } from './rule.js';
import { entryName, expectationName } from './sites.js';

const optionMeta: RuleMeta = {
  id: 'exercise/unknown-option',
  severity: 'error',
  description: 'The option of a decision script entry or decision-taken expectation is an option of the decision at its step.',
};

const actionMeta: RuleMeta = {
  id: 'exercise/unknown-action',
  severity: 'error',
  description: 'The action of an action-done script entry is an action of its step, by index or exact text.',
};

/** The step an entry or expectation names, when it resolves. */
function stepOf(ctx: ExerciseContext, entry: unknown): unknown {
  const ref = str(get(entry, 'step'));
  const r = ref === undefined ? undefined : lookup(ctx, ref, 'steps');
  return r?.status === 'ok' ? r.element : undefined;
}

/** Whether `value` names an entry of `list`: an index in range or one of the texts. */
function names(value: unknown, list: readonly string[]): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < list.length;
  return typeof value === 'string' && list.includes(value);
}

/** Reports decision options that the named step's decision does not offer. */
export const unknownOption: ExerciseRule = {
  ...optionMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const check = (holder: unknown, path: string, what: string): void => {
      const option = get(holder, 'option');
      const step = stepOf(ctx, holder);
      if (option === undefined || step === undefined) return;
      const labels = items(get(step, 'decision'), 'options').flatMap((o) => str(get(o, 'label')) ?? []);
      if (labels.length === 0) {
        out.push(finding(optionMeta, path, `${what}: step "${String(get(step, 'id'))}" has no decision to take`));
      } else if (!names(option, labels)) {
        const near = typeof option === 'string' ? didYouMean(option, labels) : '';
        out.push(finding(optionMeta, path, `${what}: "${String(option)}" is not an option of step "${String(get(step, 'id'))}"${near}; options: ${quoteList(labels)}`));
      }
    };
    items(ctx.exercise, 'script').forEach((e, i) => {
      if (get(e, 'do') === 'decision') check(e, pointer('script', i, 'option'), `${entryName(e, i)}: option`);
    });
    items(ctx.exercise, 'expectations').forEach((e, i) => {
      if (get(e, 'type') === 'decision-taken') check(e, pointer('expectations', i, 'option'), `${expectationName(e, i)}: option`);
    });
    return out;
  },
};

/** Reports action-done entries whose action the named step does not list. */
export const unknownAction: ExerciseRule = {
  ...actionMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.exercise, 'script').forEach((e, i) => {
      const action = get(e, 'action');
      const step = get(e, 'do') === 'action-done' ? stepOf(ctx, e) : undefined;
      if (action === undefined || step === undefined) return;
      const actions = items(step, 'actions').flatMap((a) => str(a) ?? []);
      if (names(action, actions)) return;
      const id = String(get(step, 'id'));
      const message =
        actions.length === 0
          ? `${entryName(e, i)}: step "${id}" has no actions`
          : `${entryName(e, i)}: "${String(action)}" is not an action of step "${id}": give its index (0 to ${actions.length - 1}) or its exact text`;
      out.push(finding(actionMeta, pointer('script', i, 'action'), message));
    });
    return out;
  },
};
