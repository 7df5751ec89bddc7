// A new national plan from the bundled template: the template's own id, jurisdiction, title and
// schema comment replaced line by line, everything else (the guidance comments, the NIS2 Art.
// 9(4) sections) kept as written, so the result validates like the template does.

export interface NationalPlanInput {
  jurisdiction: string; // EL, DE, XA ...
  id: string; // kebab-case plan id
  schemaRef: string; // what the yaml-language-server modeline points at
  command: string; // the command that wrote it, for the header
}

const MODELINE = /^# yaml-language-server: \$schema=.*$/m;
const ID = /^( {2}id: )national-template\b.*$/m;
const JURISDICTION = /^( {2}jurisdiction: )XX\b.*$/m;
const TITLE = /^( {2}title: )"<Member State> national cyber crisis response plan \(template\)"$/m;

/** The template text rewritten for one Member State; throws when the template lost a line it rewrites. */
export function nationalPlanFromTemplate(template: string, input: NationalPlanInput): string {
  let text = template;
  const replace = (pattern: RegExp, by: (prefix: string) => string): void => {
    if (!pattern.test(text)) throw new Error(`the bundled national template has no line matching ${String(pattern)}`);
    text = text.replace(pattern, (_line, prefix: string | undefined) => by(prefix ?? ''));
  };
  replace(MODELINE, () => `# yaml-language-server: $schema=${input.schemaRef}\n#\n# Written by \`${input.command}\` from the bundled template.`);
  replace(ID, (p) => `${p}${input.id}`);
  replace(JURISDICTION, (p) => `${p}${input.jurisdiction}`);
  replace(TITLE, (p) => `${p}"National cyber crisis response plan (${input.jurisdiction})"  # TODO: the adopted title`);
  return text;
}
