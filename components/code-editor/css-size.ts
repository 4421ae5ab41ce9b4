/** A CSS length from a number of pixels or any CSS length. */
export function cssSize(size: number | string): string {
  return typeof size === "number" ? `${size}px` : size;
}
