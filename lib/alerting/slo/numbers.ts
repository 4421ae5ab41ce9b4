/**
 * A number as the generated rules and explanations write it: twelve significant digits, so that
 * 100 − 99.9 reads `0.1`, not `0.09999999999999432`.
 */
export function tidyNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A ratio as a percentage in words: 0.0144 → `1.44 %`. */
export function percent(ratio: number): string {
  return `${tidyNumber(Number((ratio * 100).toPrecision(3)))} %`;
}
