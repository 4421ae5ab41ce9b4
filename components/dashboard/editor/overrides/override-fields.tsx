"use client";

import type { ReactNode } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { FIELD_TYPES, type FieldOverride } from "@/lib/model/field-config";
import type { ModelIssue } from "@/lib/model/issues";
import { replaced, without } from "../value-mappings/mapping-edit";
import {
  EDITABLE_PROPERTIES,
  MATCHER_LABELS,
  newOverride,
  propertyLabel,
  withMatcher,
  withProperty,
  withPropertyValue,
} from "./override-edit";
import { PropertyValueField } from "./property-value-field";

interface MatcherFieldsProps {
  override: FieldOverride;
  index: number;
  onChange: (override: FieldOverride) => void;
}

/** Which fields the override picks: a name, a regex, a query's refId or a type; other matchers as written. */
function MatcherFields({ override, index, onChange }: MatcherFieldsProps): ReactNode {
  const { id, options } = override.matcher;
  const editable = MATCHER_LABELS.some(([known]) => known === id);
  if (!editable) {
    return (
      <code
        className="small"
        title="Kept as Grafana wrote it; exported unchanged"
        data-testid="override-matcher-kept"
      >
        {id}: {JSON.stringify(options)}
      </code>
    );
  }
  const label = `override ${index + 1}`;
  return (
    <span className="dash-inline">
      <select
        aria-label={`Matcher of ${label}`}
        value={id}
        onChange={(event) => onChange(withMatcher(override, event.target.value))}
        data-testid="override-matcher"
      >
        {MATCHER_LABELS.map(([matcher, text]) => (
          <option key={matcher} value={matcher}>
            {text}
          </option>
        ))}
      </select>
      {id === "byType" ? (
        <select
          aria-label={`Field type of ${label}`}
          value={typeof options === "string" ? options : "number"}
          onChange={(event) => onChange({ ...override, matcher: { id, options: event.target.value } })}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label={`Matcher option of ${label}`}
          placeholder={id === "byRegexp" ? "/regex/" : id === "byFrameRefID" ? "A" : "series name"}
          value={typeof options === "string" ? options : ""}
          onChange={(event) => onChange({ ...override, matcher: { id, options: event.target.value } })}
          data-testid="override-matcher-option"
        />
      )}
    </span>
  );
}

export interface OverrideFieldsProps {
  value: readonly FieldOverride[] | undefined;
  onChange: (value: FieldOverride[] | undefined) => void;
  /** The model's issues for the panel; those under `overrides` show here. */
  issues: readonly ModelIssue[];
}

/**
 * Field overrides, in order (a later one wins): which series or columns each picks, and the
 * properties it sets for them. Properties the form has no input for are listed as Grafana wrote
 * them, and exported unchanged.
 */
export function OverrideFields({ value, onChange, issues }: OverrideFieldsProps): ReactNode {
  const overrides = value ?? [];
  return (
    <fieldset className="dash-fieldset" data-testid="field-overrides">
      <legend>Overrides</legend>
      {overrides.length === 0 ? (
        <p className="muted small">No overrides: every field as the panel says.</p>
      ) : null}
      {overrides.map((override, index) => {
        const set = (next: FieldOverride): void => onChange(replaced(overrides, index, next));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: overrides are positional (a later one wins)
          <div key={index} className="dash-override" data-testid="field-override">
            <div className="dash-threshold-row">
              <MatcherFields override={override} index={index} onChange={set} />
              <button
                type="button"
                className="button button-small"
                onClick={() => onChange(without(overrides, index))}
                aria-label={`Remove override ${index + 1}`}
              >
                ✕
              </button>
            </div>
            {override.properties.map((property, at) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: properties are positional
              <div key={at} className="dash-threshold-row" data-testid="override-property">
                <span className="small">{propertyLabel(property.id)}</span>
                <PropertyValueField
                  id={property.id}
                  value={property.value}
                  onChange={(next) => set(withPropertyValue(override, at, next))}
                />
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    set({ ...override, properties: override.properties.filter((_entry, i) => i !== at) })
                  }
                  aria-label={`Remove ${propertyLabel(property.id)} of override ${index + 1}`}
                >
                  ✕
                </button>
              </div>
            ))}
            <select
              aria-label={`Add a property to override ${index + 1}`}
              value=""
              onChange={(event) => {
                if (event.target.value !== "") set(withProperty(override, event.target.value));
              }}
              data-testid="override-add-property"
            >
              <option value="">Add override property…</option>
              {EDITABLE_PROPERTIES.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
            </select>
            <FieldMessages issues={issuesWithin(issues, `overrides[${index}]`)} />
          </div>
        );
      })}
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...overrides, newOverride()])}
          data-testid="override-add"
        >
          Add field override
        </button>
      </div>
    </fieldset>
  );
}
