// A CACAO playbook as another tool would write it (written for these tests): an if-condition
// after an action, a parallel step whose branches end and meet at its on_completion, an ssh
// command, targets, an on_failure branch, and a step nothing leads to.
const id = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A fresh copy each call. */
export function foreignPlaybook() {
  const agent = id('individual', 100);
  return {
    type: 'playbook',
    spec_version: 'cacao-2.0',
    id: id('playbook', 1000),
    name: 'Phishing response',
    created_by: id('identity', 1),
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    markings: ['marking-tlp--55d920b0-5e8b-4f79-9ee9-91f868d9b421'],
    workflow_start: id('start', 1),
    workflow: {
      [id('start', 1)]: { type: 'start', on_completion: id('action', 2) },
      [id('action', 2)]: {
        type: 'action',
        name: 'Collect the mail',
        commands: [{ type: 'manual', command: 'Ask the user to forward the mail as an attachment' }],
        agent,
        on_completion: id('if-condition', 3),
      },
      [id('if-condition', 3)]: { type: 'if-condition', name: 'Malicious?', condition: "__verdict__:value = 'bad'", on_true: id('parallel', 4) },
      [id('parallel', 4)]: { type: 'parallel', next_steps: [id('action', 5), id('action', 7)], on_completion: id('action', 6) },
      [id('action', 5)]: {
        type: 'action',
        name: 'Block the sender',
        commands: [{ type: 'ssh', command: 'block-sender.sh' }],
        agent,
        targets: [id('linux', 200)],
        on_success: id('end', 8),
        on_failure: id('end', 8),
      },
      [id('action', 7)]: { type: 'action', name: 'Warn the staff', commands: [{ type: 'manual', command: 'Post a warning on the intranet' }], agent, on_completion: id('end', 9) },
      [id('action', 6)]: { type: 'action', name: 'Close the ticket', commands: [{ type: 'manual', command: 'Close it' }], agent, on_completion: id('end', 10) },
      [id('end', 8)]: { type: 'end' },
      [id('end', 9)]: { type: 'end' },
      [id('end', 10)]: { type: 'end' },
      [id('action', 11)]: { type: 'action', name: 'Never reached', commands: [{ type: 'manual', command: 'x' }], agent },
    },
    agent_definitions: { [agent]: { type: 'individual', name: 'SOC analyst', contact: { email: { work: 'soc@example.org' } } } },
    target_definitions: { [id('linux', 200)]: { type: 'linux', name: 'Mail gateway' } },
  };
}
