import {
  type FIELD_TYPES,
  type FieldOverride,
  isKnownMatcher,
  MATCHER_OPTIONS,
} from "../../model/field-config";
import { type Calc, calculate } from "../series";
import { regexOf } from "./regex";

export type FieldType = (typeof FIELD_TYPES)[number];

/** What a matcher looks at: a series' value field, or a table's column. */
export interface FieldRef {
  /** The name Grafana displays before any override: the series' legend name, the column's name. */
  name: string;
  refId?: string;
  type: FieldType;
  /** The field's values, for byValue. */
  values?: readonly (number | null)[];
}

const BY_VALUE_CALCS: Record<string, Calc> = {
  min: "min",
  max: "max",
  mean: "mean",
  last: "last",
  lastNotNull: "lastNotNull",
  sum: "sum",
};

function compare(op: string, left: number, right: number): boolean {
  switch (op) {
    case "gt":
      return left > right;
    case "gte":
      return left >= right;
    case "lt":
      return left < right;
    case "lte":
      return left <= right;
    case "eq":
      return left === right;
    case "ne":
      return left !== right;
    default:
      return false;
  }
}

function byValue(options: { reducer: string; op: string; value: number }, field: FieldRef): boolean {
  const calc = BY_VALUE_CALCS[options.reducer];
  if (!calc || field.type !== "number" || !field.values) return false;
  const reduced = calculate(
    field.values.map((value, index) => [index, value]),
    calc,
  );
  return reduced !== null && compare(options.op, reduced, options.value);
}

/**
 * Whether an override's matcher picks this field, as Grafana's field matchers decide: byName and
 * byNames by the displayed name, byRegexp by a regex over it, byFrameRefID by the query's refId,
 * byType by the field's type, byValue by a reduction of its values. A matcher the preview does not
 * know, or whose options are not what it expects, picks nothing.
 */
export function matchesField(matcher: FieldOverride["matcher"], field: FieldRef): boolean {
  const { id } = matcher;
  if (!isKnownMatcher(id)) return false;
  const parsed = MATCHER_OPTIONS[id].safeParse(matcher.options);
  if (!parsed.success) return false;
  const options = parsed.data as never;
  switch (id) {
    case "byName":
      return options === field.name;
    case "byNames": {
      const { mode, names } = options as { mode?: string; names: string[] };
      const listed = names.includes(field.name);
      return mode === "exclude" ? !listed : listed;
    }
    case "byRegexp": {
      const regex = regexOf(options);
      return regex?.test(field.name) === true;
    }
    case "byFrameRefID":
      return field.refId !== undefined && options === field.refId;
    case "byType":
      return options === field.type;
    case "byValue":
      return byValue(options, field);
    default: {
      const never: never = id;
      throw new Error(`unknown matcher ${String(never)}`);
    }
  }
}
