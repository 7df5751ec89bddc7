// `crisis validate [PATH...]`: register the command; the work happens in validate-action.ts.
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';

export const validateFormats = ['stylish', 'json', 'junit', 'github', 'sarif'] as const;
export type ValidateFormat = (typeof validateFormats)[number];

export interface ValidateOptions {
  format: ValidateFormat;
  failOn: 'error' | 'warning';
  allowOutside?: boolean;
}

/** Add `validate` to the program. */
export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('validate plan and exercise files against the schemas and the rules')
    .argument('[paths...]', 'files, folders (searched for *.yaml and *.yml) or globs; default ./playbooks')
    .addOption(new Option('-f, --format <format>', 'output format').choices(validateFormats).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails (exit 1)').choices(['error', 'warning']).default('error'))
    .option('--allow-outside', "read an exercise's planFiles even outside the exercise file's folder tree")
    .action(async (paths: string[], options: ValidateOptions) => {
      const { validateAction } = await import('./validate-action.js');
      await validateAction(paths, options, io);
    });
}
