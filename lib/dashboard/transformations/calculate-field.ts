import { asArray, asObject, asString } from "../grafana-import/json";
import type { CellValue, DataFrame, FrameField } from "./frame";
import { frameLength } from "./frame";
import { REDUCER_NAMES, reduceValues } from "./reducers";

const OPERATORS: Record<string, (a: number, b: number) => number> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "%": (a, b) => a % b,
  "**": (a, b) => a ** b,
};

function numeric(value: CellValue | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A binary operand: a column of the frame by name, or a number written as text. */
function operand(frame: DataFrame, value: unknown): (row: number) => number | null {
  const name = asString(asObject(value).matcher ? asObject(asObject(value).matcher).options : value);
  const field = frame.fields.find((candidate) => candidate.name === name);
  if (field) return (row) => numeric(field.values[row]);
  const number = Number(typeof value === "object" ? asObject(value).fixed : value);
  return Number.isFinite(number) ? () => number : () => null;
}

/**
 * Grafana's "calculateField", its row modes: reduceRow (a reducer over the numeric columns of each
 * row, or those listed in `reduce.include`) and binary (two columns or numbers and an operator).
 * The new column goes last, named by `alias` or after the calculation; `replaceFields` keeps only it.
 */
export function calculateField(frames: readonly DataFrame[], options: unknown): DataFrame[] {
  const opts = asObject(options);
  const mode = asString(opts.mode) ?? "reduceRow";
  return frames.map((frame) => {
    const rows = frameLength(frame);
    let values: (number | null)[];
    let name: string;
    if (mode === "binary") {
      const binary = asObject(opts.binary);
      const op = OPERATORS[asString(binary.operator) ?? "+"];
      const left = operand(frame, binary.left);
      const right = operand(frame, binary.right);
      values = [...Array(rows).keys()].map((row) => {
        const a = left(row);
        const b = right(row);
        return a === null || b === null || !op ? null : op(a, b);
      });
      name = `${String(asString(binary.left) ?? "")} ${asString(binary.operator) ?? "+"} ${String(asString(binary.right) ?? "")}`;
    } else if (mode === "reduceRow") {
      const reduce = asObject(opts.reduce);
      const reducer = asString(reduce.reducer) ?? "sum";
      const include = asArray(reduce.include).filter((entry): entry is string => typeof entry === "string");
      const columns = frame.fields.filter(
        (field) => field.type === "number" && (include.length === 0 || include.includes(field.name)),
      );
      values = [...Array(rows).keys()].map((row) =>
        reduceValues(
          reducer,
          columns.map((field) => numeric(field.values[row])),
        ),
      );
      name = REDUCER_NAMES[reducer] ?? reducer;
    } else {
      return frame;
    }
    const alias = asString(opts.alias);
    const field: FrameField = { name: alias && alias !== "" ? alias : name, type: "number", values };
    return { ...frame, fields: opts.replaceFields === true ? [field] : [...frame.fields, field] };
  });
}
