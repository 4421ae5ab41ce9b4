import { z } from "zod";

/**
 * Grafana's field config beyond the standard options: value mappings and field overrides, as
 * Grafana's dashboard JSON writes them (`fieldConfig.defaults.mappings`, `fieldConfig.overrides`),
 * so they export unchanged. The preview applies them (lib/dashboard/field-config), the panel form
 * edits them.
 */

/** What a mapped value shows instead: a text, a colour, or both (Grafana's ValueMappingResult). */
export const ValueMappingResultSchema = z.object({
  text: z.string().optional(),
  color: z.string().optional(),
  icon: z.string().optional(),
  /** Position in the mapping editor's list; Grafana writes it, and nothing reads it back. */
  index: z.number().optional(),
});
export type ValueMappingResult = z.infer<typeof ValueMappingResultSchema>;

export const SPECIAL_VALUE_MATCHES = ["null", "nan", "null+nan", "true", "false", "empty"] as const;
export type SpecialValueMatch = (typeof SPECIAL_VALUE_MATCHES)[number];

/** Grafana's regex option: `/pattern/flags` or a bare pattern. */
function isRegexText(text: string): boolean {
  const slashed = /^\/(.*)\/([gimsuy]*)$/s.exec(text);
  try {
    new RegExp(slashed ? (slashed[1] ?? "") : text, slashed ? slashed[2] : undefined);
    return true;
  } catch {
    return false;
  }
}

export const RegexTextSchema = z.string().refine(isRegexText, {
  error: (issue) => `"${String(issue.input)}" is not a regular expression`,
});

export const ValueMappingSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("value"),
      /** Each exact value (as text: "1", "up", "true") and what it shows. */
      options: z.record(z.string(), ValueMappingResultSchema),
    }),
    z.object({
      type: z.literal("range"),
      /** Inclusive bounds; a missing or null bound is open. */
      options: z.object({
        from: z.number().nullable().optional(),
        to: z.number().nullable().optional(),
        result: ValueMappingResultSchema,
      }),
    }),
    z.object({
      type: z.literal("regex"),
      /** The result's text may use the pattern's groups ($1). */
      options: z.object({ pattern: RegexTextSchema, result: ValueMappingResultSchema }),
    }),
    z.object({
      type: z.literal("special"),
      options: z.object({ match: z.enum(SPECIAL_VALUE_MATCHES), result: ValueMappingResultSchema }),
    }),
  ],
  {
    error: (issue) =>
      `unknown value mapping type ${JSON.stringify((issue.input as { type?: unknown })?.type)}: expected value, range, regex or special`,
  },
);
export type ValueMapping = z.infer<typeof ValueMappingSchema>;

export const ValueMappingsSchema = z.array(ValueMappingSchema);

/** Matchers the preview applies; other ids (Grafana has more) are kept and exported as written. */
export const FIELD_MATCHER_IDS = [
  "byName",
  "byNames",
  "byRegexp",
  "byFrameRefID",
  "byType",
  "byValue",
] as const;
export type FieldMatcherId = (typeof FIELD_MATCHER_IDS)[number];

export const FIELD_TYPES = ["number", "string", "time", "boolean", "other"] as const;

const StringOption = z.string();
const HideFromSchema = z.object({
  legend: z.boolean().optional(),
  tooltip: z.boolean().optional(),
  viz: z.boolean().optional(),
});
const ThresholdsValueSchema = z.object({
  mode: z.enum(["absolute", "percentage"]),
  steps: z.array(z.object({ value: z.number().nullable().optional(), color: z.string() })).min(1),
});

/**
 * What a known matcher's `options` must be. byNames is what Grafana's legend writes when a series
 * is clicked ("hide series"): names listed, included or excluded.
 */
export const MATCHER_OPTIONS: Readonly<Record<FieldMatcherId, z.ZodType>> = {
  byName: StringOption,
  byNames: z.object({
    mode: z.enum(["include", "exclude"]).optional(),
    names: z.array(z.string()),
    prefix: z.string().optional(),
    readOnly: z.boolean().optional(),
  }),
  byRegexp: RegexTextSchema,
  byFrameRefID: StringOption,
  byType: z.enum(FIELD_TYPES),
  byValue: z.object({
    reducer: z.string(),
    op: z.enum(["gt", "gte", "lt", "lte", "eq", "ne"]),
    value: z.number(),
  }),
};

/** Properties the preview applies and the form edits, with what their value must be. */
export const FIELD_PROPERTY_VALUES = {
  displayName: z.string(),
  unit: z.string(),
  decimals: z.int().min(0).max(20),
  min: z.number(),
  max: z.number(),
  color: z.object({
    mode: z.string(),
    fixedColor: z.string().optional(),
    seriesBy: z.string().optional(),
  }),
  thresholds: ThresholdsValueSchema,
  mappings: ValueMappingsSchema,
  "custom.hideFrom": HideFromSchema,
  "custom.hidden": z.boolean(),
  // Older dashboards write `group: false` for "no group".
  "custom.stacking": z.object({
    mode: z.enum(["none", "normal", "percent"]),
    group: z.union([z.string(), z.boolean()]).optional(),
  }),
  "custom.transform": z.enum(["negative-Y", "constant"]),
  "custom.fillOpacity": z.number().min(0).max(100),
  "custom.lineWidth": z.number().min(0).max(10),
  "custom.width": z.number().min(0),
  /** How a table cell shows its value: "auto", "color-text", "color-background", "gauge" … */
  "custom.cellOptions": z.looseObject({ type: z.string() }),
} as const satisfies Record<string, z.ZodType>;
export type FieldPropertyId = keyof typeof FIELD_PROPERTY_VALUES;
export type FieldPropertyValue<K extends FieldPropertyId> = z.infer<(typeof FIELD_PROPERTY_VALUES)[K]>;

export function isKnownProperty(id: string): id is FieldPropertyId {
  return Object.hasOwn(FIELD_PROPERTY_VALUES, id);
}

export function isKnownMatcher(id: string): id is FieldMatcherId {
  return (FIELD_MATCHER_IDS as readonly string[]).includes(id);
}

export const FieldMatcherSchema = z.object({
  id: z.string().min(1, "a matcher needs an id, e.g. byName"),
  options: z.unknown().optional(),
});

/**
 * One property an override sets. Loose: Grafana's legend adds `__systemRef` to the property it
 * writes, and it must come back out as written.
 */
export const FieldPropertySchema = z.looseObject({
  id: z.string().min(1, "a property needs an id, e.g. unit"),
  value: z.unknown().optional(),
});
export type FieldProperty = z.infer<typeof FieldPropertySchema>;

/**
 * One override: the fields its matcher picks get its properties. Loose for the same reason as its
 * properties: Grafana marks the override its legend writes with `__systemRef: "hideSeriesFrom"`.
 */
export const FieldOverrideSchema = z
  .looseObject({ matcher: FieldMatcherSchema, properties: z.array(FieldPropertySchema) })
  .superRefine((override, ctx) => {
    const { id, options } = override.matcher;
    if (isKnownMatcher(id)) {
      const parsed = MATCHER_OPTIONS[id].safeParse(options);
      if (!parsed.success)
        ctx.addIssue({
          code: "custom",
          path: ["matcher", "options"],
          message: `${id}: ${parsed.error.issues[0]?.message ?? "bad options"}`,
        });
    }
    override.properties.forEach((property, index) => {
      // A property added without a value yet sets nothing, in Grafana as here.
      if (!isKnownProperty(property.id) || property.value === undefined || property.value === null) return;
      const parsed = FIELD_PROPERTY_VALUES[property.id].safeParse(property.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        ctx.addIssue({
          code: "custom",
          path: ["properties", index, "value", ...(issue?.path ?? [])],
          message: `${property.id}: ${issue?.message ?? "bad value"}`,
        });
      }
    });
  });
export type FieldOverride = z.infer<typeof FieldOverrideSchema>;

export const FieldOverridesSchema = z.array(FieldOverrideSchema);
