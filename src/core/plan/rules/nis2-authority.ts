// NIS2 Art. 9(1), 9(2) and 9(4)(b): the cyber crisis management authorities, their coordinator and tasks.

import { authorityIndexes, nis2Rule } from './nis2-profile.js';
import { deepestPointer, get, hasEntries, items, pointer } from './safe.js';

/** Art. 9(1): the plan designates a cyber crisis management authority. */
export const nis2AuthorityDesignated = nis2Rule(
  'nis2/art9-1-authority-designated',
  'A national plan has a role of type cyber-crisis-authority (NIS2 Art. 9(1)).',
  ({ plan }, report) => {
    if (authorityIndexes(plan).length > 0) return [];
    const message =
      'add a role with type: cyber-crisis-authority: the designated cyber crisis management authority (NIS2 Art. 9(1))';
    return [report(deepestPointer(plan, ['roles']), message)];
  },
);

/** Art. 9(2): with several authorities, exactly one is the coordinator. */
export const nis2Coordinator = nis2Rule(
  'nis2/art9-2-coordinator',
  'When a national plan has several cyber crisis management authorities, exactly one has coordinator: true ' +
    '(NIS2 Art. 9(2)).',
  ({ plan }, report) => {
    const authorities = authorityIndexes(plan);
    if (authorities.length < 2) return [];
    const roles = items(plan, 'roles');
    const coordinators = authorities.filter((i) => get(roles[i], 'coordinator') === true);
    if (coordinators.length === 0) {
      const message =
        `the plan has ${authorities.length} cyber crisis management authorities but none is the coordinator: ` +
        'set coordinator: true on the one that coordinates (NIS2 Art. 9(2))';
      return [report(deepestPointer(plan, ['roles']), message)];
    }
    return coordinators.slice(1).map((i) =>
      report(
        pointer('roles', i, 'coordinator'),
        'more than one cyber crisis management authority has coordinator: true: ' +
          'keep it on the single coordinator (NIS2 Art. 9(2))',
      ),
    );
  },
);

/** Art. 9(4)(b): the tasks and responsibilities of the authorities are written down. */
export const nis2AuthorityTasks = nis2Rule(
  'nis2/art9-4-b-authority-tasks',
  'A cyber crisis management authority role lists its tasks (NIS2 Art. 9(4)(b)).',
  ({ plan }, report) => {
    const authorities = authorityIndexes(plan);
    const roles = items(plan, 'roles');
    if (authorities.some((i) => hasEntries(get(roles[i], 'tasks')))) return [];
    const first = authorities[0];
    const path = deepestPointer(plan, first === undefined ? ['roles'] : ['roles', first, 'tasks']);
    const target = first === undefined ? 'a role of type cyber-crisis-authority' : 'the cyber-crisis-authority role';
    const message =
      `add tasks to ${target}: the tasks and responsibilities of the cyber crisis management authorities ` +
      '(NIS2 Art. 9(4)(b))';
    return [report(path, message)];
  },
);
