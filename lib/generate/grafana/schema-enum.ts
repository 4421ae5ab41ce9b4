/**
 * @grafana/schema declares its enums with `declare enum`. It is a dev dependency, so the generator
 * imports its types only and writes each enum member as its value; the template-literal parameter
 * still checks that value against the enum at compile time (`asEnum<StackingMode>("normal")`).
 */
export function asEnum<E extends string>(value: `${E}`): E {
  return value as E;
}
