import path from "node:path";

/**
 * The repository path a module specifier of `file` names (`@/` is the repository's root, as in
 * tsconfig.json), without resolving its extension; undefined for a package. Shared by the tests
 * that read the source's import graph.
 */
export function importedRepositoryPath(file: string, specifier: string): string | undefined {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith("."))
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return undefined;
}
