import type { Project } from "../model";

/** One file of the bundle; `path` is relative to the bundle root, with forward slashes. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** Generators are pure: the same project gives the same files, with no I/O and no clock. */
export type Generator = (project: Project) => GeneratedFile[];
