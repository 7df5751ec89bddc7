// The exercise report formats, by the name `--format` takes.
import type { ExerciseReportData } from '../../exercise/report-data.js';
import { exerciseJson } from './json.js';
import { exerciseJunit } from './junit.js';
import { exerciseMarkdown } from './markdown.js';
import { exerciseHtml, type ExerciseRenderOptions } from './html.js';

export const exerciseFormatNames = ['md', 'json', 'junit', 'html'] as const;
export type ExerciseFormat = (typeof exerciseFormatNames)[number];

/** Renderers: pure functions of the report data. */
export const exerciseFormats: Record<ExerciseFormat, (report: ExerciseReportData, options?: ExerciseRenderOptions) => string> = {
  md: exerciseMarkdown,
  json: exerciseJson,
  junit: exerciseJunit,
  html: exerciseHtml,
};

export { exerciseHtml, exerciseJson, exerciseJunit, exerciseMarkdown, type ExerciseRenderOptions };
