// How large a plan file crisis reads (shared by validation and by reading incident snapshots).

/** Largest plan file read; larger files are reported without being read. */
export const MAX_PLAN_BYTES = 4 * 1024 * 1024;
