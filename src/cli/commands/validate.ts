// `crisis validate [PATH...]`: register the command; the work happens in validate-action.ts.
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';

export const validateFormats = ['stylish', 'json', 'junit', 'github', 'sarif', 'compact', 'codeclimate'] as const;
export type ValidateFormat = (typeof validateFormats)[number];

export interface ValidateOptions {
  format: ValidateFormat;
  failOn: 'error' | 'warning';
  allowOutside?: boolean;
  ignore?: string[];
  base?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Add `validate` to the program. */
export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('validate plan and exercise files against the schemas and the rules')
    .argument('[paths...]', "files, folders (searched for crisis *.yaml and *.yml files) or globs; '-' reads standard input; default ./playbooks")
    .addOption(new Option('-f, --format <format>', 'output format').choices(validateFormats).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails (exit 1)').choices(['error', 'warning']).default('error'))
    .option('--allow-outside', "read an exercise's planFiles even outside the exercise file's folder tree")
    .option('--ignore <glob>', 'leave out files and folders that match, when searching folders and globs (repeatable)', collect)
    .option('--base <dir>', 'name files in sarif, github and codeclimate output relative to this folder (default: the repository root)')
    .addHelpText('after', examples([
      ['crisis validate .', 'every crisis file in this repository (dot-folders and node_modules skipped)'],
      ['crisis validate --format github --fail-on warning plans/', 'annotations in a GitHub Actions job'],
        ['cat plan.yaml | crisis validate --format compact -', 'a plan from standard input, one line per finding'],
    ]))
    .action(async (paths: string[], options: ValidateOptions) => {
      const { validateAction } = await import('./validate-action.js');
      await validateAction(paths, options, io);
    });
}
