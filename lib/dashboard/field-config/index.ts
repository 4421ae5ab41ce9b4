export { type DisplayValue, displayValue } from "./display-value";
export { type FieldRef, type FieldType, matchesField } from "./matchers";
export { type FieldDefaults, type FieldDisplay, type HideFrom, resolveField } from "./resolve";
export {
  type DisplayedSeries,
  displaySeries,
  drawnSeries,
  type FieldConfigOf,
  fieldConfigOf,
} from "./series-display";
export { type MappableValue, mapValue } from "./value-mappings";
