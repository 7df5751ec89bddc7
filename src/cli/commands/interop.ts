// `crisis export cacao PLAN` and `crisis import cacao FILE`: a plan as an OASIS CACAO 2.0
// playbook, and a playbook as a plan (best effort, with what could not be carried over).
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';

export interface InteropOptions {
  output?: string;
  force?: boolean;
}

/** Add `export` and `import` to the program. */
export function registerInterop(program: Command, io: CliIO): void {
  const exp = program.command('export').description('a plan in an exchange format (CACAO 2.0)');
  exp
    .command('cacao')
    .description('the plan as an OASIS CACAO 2.0 playbook (JSON), marked with the plan\'s TLP')
    .argument('<plan>', 'plan file')
    .option('-o, --output <file>', 'write to this file (mode 0600) instead of stdout; an existing file is refused')
    .option('--force', 'overwrite the --output file if it exists')
    .addHelpText('after', examples([
      ['crisis export cacao playbooks/eu/eu-circp.yaml > eu-circp.cacao.json', 'the EU plan as a CACAO playbook'],
      ['crisis export cacao plan.yaml -o plan.cacao.json', 'into a file'],
    ]))
    .action(async (plan: string, options: InteropOptions) => {
      const { exportCacaoAction } = await import('./interop-action.js');
      exportCacaoAction(plan, options, io);
    });
  const imp = program.command('import').description('a plan from an exchange format (CACAO 2.0)');
  imp
    .command('cacao')
    .description('a CACAO 2.0 playbook (JSON) as plan YAML, best effort: what cannot be carried over is listed on stderr')
    .argument('<file>', 'CACAO playbook (JSON)')
    .option('-o, --output <file>', 'write the plan to this file (mode 0600) instead of stdout; an existing file is refused')
    .option('--force', 'overwrite the --output file if it exists')
    .addHelpText('after', examples([
      ['crisis import cacao playbook.json -o plan.yaml', 'a plan from a CACAO playbook'],
      ['crisis import cacao eu-circp.cacao.json | crisis validate -', 'back from an export, and checked'],
    ]))
    .action(async (file: string, options: InteropOptions) => {
      const { importCacaoAction } = await import('./interop-action.js');
      importCacaoAction(file, options, io);
    });
}
