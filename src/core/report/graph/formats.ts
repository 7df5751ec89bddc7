// The diagram formats and lane choices, apart from the renderers so the CLI can list them without loading them.
export const graphFormats = ['mermaid', 'dot', 'svg'] as const;
export type GraphFormat = (typeof graphFormats)[number];
export const laneKinds = ['level', 'role'] as const;
