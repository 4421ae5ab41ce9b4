import type { ReactElement } from "react";
import type { BaseTickContentProps } from "recharts";

/** How far below its anchor a line of text starts, as recharts' own Text offsets it. */
const DY = { start: "0.71em", middle: "0.355em", end: "0" } as const;

/**
 * An axis tick label as plain SVG text. recharts' own label is a `<Text>` that measures every
 * word in the page for line wrapping, and an axis with one reads the computed style of its first
 * label on mount: both force the browser to lay out the page, once per label and per axis.
 */
export function axisTick<T>(
  format: (value: T, index: number) => string,
  fontSize: number,
): (props: BaseTickContentProps) => ReactElement {
  return ({ x, y, payload, index, textAnchor, verticalAnchor, fill }) => (
    <text
      x={x}
      y={y}
      dy={DY[verticalAnchor]}
      textAnchor={textAnchor}
      fill={fill ?? "#666"}
      fontSize={fontSize}
      className="dash-axis-tick"
    >
      {format(payload.value as T, index)}
    </text>
  );
}
