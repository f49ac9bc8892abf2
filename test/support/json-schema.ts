// A small JSON Schema (2020-12) validator for the API's contract test (issue #22): no validator
// is a dependency of the project, and the keywords z.toJSONSchema emits are few. It checks what
// the OpenAPI document says, keyword by keyword, and refuses a keyword it does not know, so the
// document cannot quietly say more than is checked.

type Schema = Record<string, unknown> | boolean;
type Root = { components: { schemas: Record<string, Schema> } };

const KNOWN = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "pattern",
  "format",
  "description",
  "default",
  "$defs",
  "id",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

/** Every way `value` breaks `schema`, as "path: what"; empty when it conforms. */
export function validateJsonSchema(root: Root, schema: Schema, value: unknown, path = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: nothing is allowed here`];
  const errors: string[] = [];
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) errors.push(`${path}: the validator does not know the keyword ${key}`);
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string") {
    const name = /^#\/components\/schemas\/(.+)$/.exec(s.$ref)?.[1];
    const target = name ? root.components.schemas[name] : undefined;
    if (target === undefined) return [...errors, `${path}: unresolved ${s.$ref}`];
    errors.push(...validateJsonSchema(root, target, value, path));
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => matchesType(value, t)))
      return [...errors, `${path}: ${typeOf(value)} is not ${types.join("|")}`];
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === value))
    errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if ("const" in s && s.const !== value)
    errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(s.const)}`);
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) errors.push(`${path}: not above min`);
    if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) errors.push(`${path}: not below max`);
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof s.minLength === "number" && length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value))
      errors.push(`${path}: does not match ${s.pattern}`);
    if (s.format === "date-time" && Number.isNaN(Date.parse(value))) errors.push(`${path}: not a date-time`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) errors.push(`${path}: too few items`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) errors.push(`${path}: too many items`);
    if (s.items !== undefined)
      value.forEach((item, i) => errors.push(...validateJsonSchema(root, s.items as Schema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required ?? []) as string[]) if (!(name in object)) errors.push(`${path}: missing ${name}`);
    for (const [name, v] of Object.entries(object)) {
      if (name in properties) errors.push(...validateJsonSchema(root, properties[name]!, v, `${path}.${name}`));
      else if (s.additionalProperties !== undefined)
        errors.push(...validateJsonSchema(root, s.additionalProperties as Schema, v, `${path}.${name}`));
    }
  }
  for (const sub of (s.allOf ?? []) as Schema[]) errors.push(...validateJsonSchema(root, sub, value, path));
  if (
    Array.isArray(s.anyOf) &&
    !s.anyOf.some((sub) => validateJsonSchema(root, sub as Schema, value, path).length === 0)
  )
    errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(s.oneOf)) {
    const matching = s.oneOf.filter((sub) => validateJsonSchema(root, sub as Schema, value, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf, not exactly one`);
  }
  return errors;
}
