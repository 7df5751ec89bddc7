// Code hosts place findings on their checkout, so SARIF, GitHub annotations and Code Quality
// name files relative to the repository root, whatever folder crisis ran in.

import type { FormatContext } from './types.js';

/** The file relative to the repository root when known, else as the findings name it. */
export function repoPath(ctx: FormatContext, file: string): string {
  return ctx.repoPaths?.get(file) ?? file;
}
