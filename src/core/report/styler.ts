// Colour is injected: the CLI passes a chalk-backed styler, tests and pipes the plain one.

/** The few semantic styles terminal renderers use. */
export interface Styler {
  error(text: string): string;
  warning(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  accent(text: string): string;
}

const same = (text: string): string => text;

/** A styler that adds nothing: for pipes, files, NO_COLOR and tests. */
export const plainStyler: Styler = { error: same, warning: same, ok: same, dim: same, bold: same, accent: same };
