/**
 * A gauge's arcs as SVG paths, drawn the way recharts' Pie draws sectors: angles in degrees,
 * counter-clockwise from three o'clock, sectors sharing the sweep from `start` to `end` in
 * proportion to their values.
 */

export interface Sweep {
  from: number;
  to: number;
}

/** Each value's share of the sweep from `start` to `end`, in order; empty when they add up to 0. */
export function sectorSweeps(values: readonly number[], start: number, end: number): Sweep[] {
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  if (total <= 0) return [];
  const sweeps: Sweep[] = [];
  let from = start;
  for (const value of values) {
    const to = from + ((end - start) * Math.max(0, value)) / total;
    sweeps.push({ from, to });
    from = to;
  }
  return sweeps;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function polar(cx: number, cy: number, radius: number, degrees: number): string {
  const radians = (-degrees * Math.PI) / 180;
  return `${round(cx + radius * Math.cos(radians))},${round(cy + radius * Math.sin(radians))}`;
}

/** The ring sector between two radii over a sweep; empty for a sweep of no angle. */
export function annularSector(cx: number, cy: number, inner: number, outer: number, sweep: Sweep): string {
  const angle = Math.abs(sweep.to - sweep.from);
  if (angle === 0 || outer <= 0) return "";
  // A full circle as one arc would start and end on the same point, which SVG draws as nothing.
  const to = angle >= 360 ? sweep.from + (sweep.to > sweep.from ? 359.99 : -359.99) : sweep.to;
  const large = angle > 180 ? 1 : 0;
  // Decreasing angles run clockwise on screen, SVG's positive sweep direction.
  const clockwise = to < sweep.from ? 1 : 0;
  const back = 1 - clockwise;
  return (
    `M${polar(cx, cy, outer, sweep.from)}A${outer},${outer} 0 ${large} ${clockwise} ${polar(cx, cy, outer, to)}` +
    `L${polar(cx, cy, Math.max(0, inner), to)}A${inner},${inner} 0 ${large} ${back} ${polar(cx, cy, Math.max(0, inner), sweep.from)}Z`
  );
}
