// `crisis schema plan|exercise`: the JSON Schema the validator uses, for editors and other tools.
import { Argument, type Command } from 'commander';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';

export const schemaKinds = ['plan', 'exercise'] as const;

/** Add `schema` to the program. */
export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('print the JSON Schema of a plan or an exercise (2020-12, with descriptions and snippets for editors)')
    .addArgument(new Argument('<kind>', 'which schema').choices(schemaKinds))
    .option('--path', 'print where the installed schema file is instead of its content')
    .addHelpText(
      'after',
      examples([
        ['crisis schema plan > schemas/plan.schema.json', 'keep a copy in your repository'],
        ['crisis schema exercise --path', 'where the installed schema is, for an editor setting'],
      ]),
    )
    .action(async (kind: (typeof schemaKinds)[number], options: { path?: boolean }) => {
      const { schemaAction } = await import('./schema-action.js');
      schemaAction(kind, options, io);
    });
}
