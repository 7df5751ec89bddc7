// `crisis graph PLAN`: the plan's flow as a diagram (registration only; the work is in graph-action.ts).
import { Option, type Command } from 'commander';
import { graphFormats, laneKinds } from '../../core/report/graph/formats.js';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';

export interface GraphOptions {
  format: (typeof graphFormats)[number];
  lanes: (typeof laneKinds)[number];
  incident?: string;
  db?: string;
  output?: string;
  force?: boolean;
}

/** Add `graph` to the program. */
export function registerGraph(program: Command, io: CliIO): void {
  program
    .command('graph')
    .description("the plan's flow as a diagram: steps in lanes, decisions, forks and joins of tracks, hand-overs, clocks")
    .argument('<plan>', 'a plan file, or the id of a bundled plan (eu-circp)')
    .addOption(new Option('-f, --format <format>', 'diagram format').choices(graphFormats).default('mermaid'))
    .addOption(new Option('--lanes <by>', 'one lane per cooperation level or per owner role').choices(laneKinds).default('level'))
    .option('-i, --incident <id>', "overlay the path this incident took: steps visited, decisions taken, where each track stands")
    .option('--db <path>', 'incident log for --incident: a SQLite file, or postgres://USER@HOST/DB for a team log')
    .option('-o, --output <file>', 'write to this file (mode 0600) instead of stdout; an existing file is refused')
    .option('--force', 'overwrite the --output file if it exists (never a symbolic link or the log itself)')
    .addHelpText('after', examples([
      ['crisis graph playbooks/national/example-northland.yaml', 'Mermaid text, for a Markdown page'],
      ['crisis graph eu-circp --format dot | dot -Tpng > eu.png', 'through Graphviz'],
      ['crisis graph plan.yaml --format svg --incident inc-20261129-a3f9 -o path.svg', 'the path an incident took'],
    ]))
    .action(async (plan: string, options: GraphOptions) => {
      const { graphAction } = await import('./graph-action.js');
      await graphAction(plan, options, io);
    });
}
