// `crisis init national`: start a national plan from the bundled template.
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';

export interface InitNationalOptions {
  jurisdiction: string;
  id?: string;
  out?: string;
  force?: boolean;
}

/** Add `init` to the program. */
export function registerInit(program: Command, io: CliIO): void {
  const init = program.command('init').description('start a new plan from a bundled template');
  init
    .command('national')
    .description('write a new national plan (NIS2 Art. 9(4)) from the bundled template, ready to fill in')
    .requiredOption('-j, --jurisdiction <code>', "the Member State's ISO 3166-1 alpha-2 code (EL or GR for Greece; XA-XZ for an example)")
    .option('--id <id>', 'the plan id (default: <code>-ncirp, e.g. de-ncirp)')
    .option('-o, --out <file>', 'write the plan to this file instead of standard output')
    .option('--force', 'overwrite --out if it exists')
    .addHelpText(
      'after',
      examples([
        ['crisis init national --jurisdiction DE --out plans/de-ncirp.yaml', 'a plan for Germany, in a file'],
        ['crisis init national -j XA > plans/example.yaml', 'an illustrative plan on standard output'],
        ['crisis init national -j EL --id gr-national --out gr.yaml', 'with your own plan id'],
      ]),
    )
    .action(async (options: InitNationalOptions) => {
      const { initNationalAction } = await import('./init-action.js');
      initNationalAction(options, io);
    });
}
