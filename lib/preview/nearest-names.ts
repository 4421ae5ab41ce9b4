/**
 * Edit distance with transpositions (optimal string alignment, the restricted Damerau-Levenshtein):
 * the typos that leave a panel empty are mostly a letter swapped, doubled, missing or changed.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] ?? 0;
}

/** The `count` candidates closest to `name`, nearest first, ties alphabetical. */
export function nearestNames(name: string, candidates: Iterable<string>, count = 3): string[] {
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) scored.push({ candidate, distance: editDistance(name, candidate) });
  scored.sort(
    (x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0),
  );
  return scored.slice(0, count).map((entry) => entry.candidate);
}
