// `crisis respond`: the interactive walkthrough (registration; the work is in respond-action.ts).
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';

export interface RespondOptions {
  incident?: string;
  plan?: string;
  title?: string;
  aware?: string;
  severity?: string;
  db?: string;
  responder?: string;
  role?: string;
  new?: boolean;
}

/** Add `respond` to the program. */
export function registerRespond(program: Command, io: CliIO): void {
  program
    .command('respond')
    .description('open or resume an incident and work through the plan, step by step (needs a terminal)')
    .option('-i, --incident <id>', 'resume this open incident')
    .option('-p, --plan <file>', 'open the incident on this plan (default: the bundled EU plan)')
    .option('--new', 'open a new incident even when others are open')
    .option('-t, --title <title>', 'title of a new incident')
    .option('--aware <time>', 'when your organisation became aware: a time, or how long ago such as PT2H (default: now)')
    .option('--severity <id>', "severity of a new incident (one of the plan's severities)")
    .option('--db <path>', 'incident log: a SQLite file or postgres://USER@HOST/DB (default: $CRISIS_DB or ~/.local/share/crisis/crisis.db)')
    .option('--responder <name>', 'your name in the log (default: $CRISIS_RESPONDER or the OS user)')
    .option('--role <role>', "your role id in the plan: a track whose step it owns is shown first (default: $CRISIS_ROLE)")
    .addHelpText('after', examples([
      ['crisis respond', 'open an incident on the bundled EU plan'],
      ['crisis respond --plan plans/de-ncirp.yaml', 'on your national plan'],
      ['crisis respond --incident inc-20261129-a3f9', 'resume an incident'],
    ]))
    .action(async (options: RespondOptions) => {
      const { respondAction } = await import('./respond-action.js');
      await respondAction(options, io);
    });
}
