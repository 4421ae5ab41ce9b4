/**
 * A value axis's ticks and domain, chosen as recharts chose them for an "auto" domain (its
 * getNiceTickValues with the adaptive step): `count` round ticks that cover the data, 0 among them
 * when the data crosses it. Floats instead of recharts' decimal arithmetic, each result rounded to
 * 12 significant digits so 0.1 + 0.2 reads 0.3.
 */

const tidy = (value: number): number => Number.parseFloat(value.toPrecision(12));

/** Digits before the point of |value| (1 for values under 10, 0 for 0.5 …), as recharts counts them. */
function digitCount(value: number): number {
  return value === 0 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
}

/** A step easy to read between ticks (1, 2, 2.5, 5, 10 … × a power of ten), `correction` steps up. */
function adaptiveStep(rough: number, correction: number): number {
  if (rough <= 0) return 0;
  const digits = digitCount(rough);
  const power = 10 ** digits;
  const scale = digits !== 1 ? 0.05 : 0.1;
  return tidy((Math.ceil(tidy(rough / power / scale)) + correction) * scale * power);
}

function ticksOfSingleValue(value: number, count: number): number[] {
  // The middle tick in whole steps, so the ticks are exact multiples of the step (0 is 0).
  let step = 1;
  let middle = value;
  if (!Number.isInteger(value)) {
    if (Math.abs(value) < 1) {
      step = 10 ** (digitCount(value) - 1);
      middle = Math.floor(value / step);
    } else middle = Math.floor(value);
  } else if (value === 0) middle = Math.floor((count - 1) / 2);
  const middleIndex = Math.floor((count - 1) / 2);
  return Array.from({ length: count }, (_, index) => tidy((middle + index - middleIndex) * step));
}

/** `count` round ticks from at most `min` to at least `max`. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const ticks = Math.max(2, count);
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [];
  if (low === high) return ticksOfSingleValue(low, ticks);
  for (let correction = 0; correction < 64; correction++) {
    const step = adaptiveStep((high - low) / (ticks - 1), correction);
    if (!(step > 0)) return [low, high];
    // 0 is a tick when the data crosses it; otherwise the middle, rounded down to the step.
    const middle = low <= 0 && high >= 0 ? 0 : tidy((low + high) / 2 - (((low + high) / 2) % step));
    let below = Math.ceil(tidy((middle - low) / step));
    let above = Math.ceil(tidy((high - middle) / step));
    const used = below + above + 1;
    if (used > ticks) continue;
    if (used < ticks) {
      if (high > 0) above += ticks - used;
      else below += ticks - used;
    }
    return Array.from({ length: below + above + 1 }, (_, index) => tidy(middle + (index - below) * step));
  }
  return [low, high];
}

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * The value axis of data from `dataMin` to `dataMax`: round ticks and the domain they span, except
 * at an end the panel fixes (its min or max), where the domain is that value and ticks beyond it go.
 */
export function valueAxis(
  dataMin: number,
  dataMax: number,
  count: number,
  fixed: { min?: number; max?: number } = {},
): ValueAxis {
  const low = fixed.min ?? (Number.isFinite(dataMin) ? dataMin : 0);
  const high = fixed.max ?? (Number.isFinite(dataMax) ? dataMax : 1);
  const ticks = niceTicks(low, high, count);
  const from = fixed.min ?? ticks[0] ?? low;
  const to = fixed.max ?? ticks[ticks.length - 1] ?? high;
  const domain: [number, number] = from <= to ? [from, to] : [to, from];
  return {
    domain,
    ticks: ticks.filter((tick) => tick >= domain[0] - 1e-12 && tick <= domain[1] + 1e-12),
  };
}
