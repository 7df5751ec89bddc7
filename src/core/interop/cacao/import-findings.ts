// What `import cacao` could not carry over into the plan: the file, what it was, and why.
export interface ImportFinding {
  file: string;
  what: string;
  why: string;
}
