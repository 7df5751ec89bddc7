// The export formats, apart from the renderers so the CLI can list them without loading the engine.
export const exportFormats = ['md', 'json', 'jsonl', 'csv', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];
