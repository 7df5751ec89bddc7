// An imported plan as the YAML file a plan team keeps: the schema modeline, where it came from,
// then the plan. Text from the playbook is data to the YAML writer, which quotes what needs it.
import { stringify } from 'yaml';
import type { Plan } from '../../plan/types.js';

/** The plan file's text; `schemaRef` is the path or URL of plan.schema.json for editors. */
export function planYaml(plan: Plan, source: { file: string; playbookId: string }, schemaRef: string): string {
  const header = [`# yaml-language-server: $schema=${schemaRef}`, `# Imported by crisis import cacao from ${oneLine(source.file)} (CACAO playbook ${oneLine(source.playbookId)}).`];
  return `${header.join('\n')}\n${stringify(plan, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?').slice(0, 200);
}
