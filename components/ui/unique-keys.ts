/**
 * React keys for a list whose items may repeat (tags, matchers): the n-th repeat of a value gets
 * `value#n`, so keys stay stable when items are appended and never collide.
 */
export function uniqueKeys(values: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((value) => {
    const count = (seen.get(value) ?? 0) + 1;
    seen.set(value, count);
    return count === 1 ? value : `${value}#${count}`;
  });
}
