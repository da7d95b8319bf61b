// Inputs for a zod schema, read from the schema itself: objects with its keys (some missing, some
// extra), its enum options and literals, arrays and records of its element type, each value
// often replaced by a wrong one. A new schema is fuzzed without writing a generator for it.
import fc from "fast-check";
import { anyValue, fieldText, jsonValue, PLAUSIBLE } from "./arbitraries";

type Def = { type: string; [key: string]: unknown };
type Schema = { _zod: { def: Def } };

export function isZodSchema(value: unknown): value is Schema & { safeParse: (input: unknown) => unknown } {
  return typeof value === "object" && value !== null && "_zod" in value && typeof (value as { safeParse?: unknown }).safeParse === "function";
}

const SAMPLES: unknown[] = [
  ...PLAUSIBLE,
  "Sở Tư pháp",
  "Kế hoạch cải cách hành chính năm 2025",
  "Triển khai",
  "A",
  "0",
  "10",
  "100",
  "2,5",
  "2024-2025",
  0,
  1,
  2,
  2025,
  true,
  false,
  undefined,
  null,
  "",
  [],
  ["1"],
  ["1", "2"],
  [1, 2],
  {},
];

/** Enum options and literals anywhere inside a schema (through optional, pipe, array…). */
function choices(schema: Schema, depth = 0): unknown[] {
  const def = schema._zod.def;
  if (depth > 6) return [];
  if (def.type === "enum") return Object.values(def.entries as object);
  if (def.type === "literal") return def.values as unknown[];
  const nested = ["innerType", "in", "out", "element"].flatMap((key) => (def[key] ? choices(def[key] as Schema, depth + 1) : []));
  const options = def.type === "union" ? (def.options as Schema[]).flatMap((o) => choices(o, depth + 1)) : [];
  const values = [...nested, ...options];
  return def.type === "array" ? [...values, ...values.map((v) => [v])] : values;
}

/** Sample values the field accepts: with them, whole objects pass often enough to check what an accepted value looks like. */
function acceptedSamples(field: Schema): unknown[] {
  const parse = (field as unknown as { safeParse: (v: unknown) => { success: boolean } }).safeParse.bind(field);
  return [...choices(field), ...SAMPLES].filter((value) => {
    try {
      return parse(value).success;
    } catch {
      return false;
    }
  });
}

const wrong = fc.oneof({ weight: 3, arbitrary: fieldText }, { weight: 2, arbitrary: jsonValue }, { weight: 1, arbitrary: anyValue });

export function arbitraryFor(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  if (depth > 6) return wrong;
  const inner = (key: string) => arbitraryFor(def[key] as Schema, depth + 1);
  let own: fc.Arbitrary<unknown>;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, arbitraryFor(field, depth + 1)]));
      const record = fc.record(fields, { requiredKeys: [] });
      // Nearly valid: every field from what it accepts, now and then one generated instead.
      const nearlyValid = fc.record(
        Object.fromEntries(
          Object.entries(shape).map(([key, field]) => {
            const samples = acceptedSamples(field);
            const generated = arbitraryFor(field, depth + 1);
            return [
              key,
              samples.length > 0 ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...samples) }, { weight: 1, arbitrary: generated }) : generated,
            ];
          }),
        ),
      );
      own = fc.oneof(
        { weight: 4, arbitrary: record },
        { weight: 4, arbitrary: nearlyValid },
        {
          weight: 1,
          arbitrary: fc.tuple(record, fc.dictionary(fieldText, jsonValue, { maxKeys: 3 })).map(([a, extra]) => ({ ...extra, ...(a as object) })),
        },
      );
      break;
    }
    case "array":
      own = fc.array(inner("element"), { maxLength: 6 });
      break;
    case "record":
      own = fc.dictionary(
        fc.oneof(
          arbitraryFor(def.keyType as Schema, depth + 1).filter((key): key is string => typeof key === "string"),
          fieldText,
        ),
        inner("valueType"),
        { maxKeys: 5 },
      );
      break;
    case "tuple":
      own = fc.tuple(...(def.items as Schema[]).map((item) => arbitraryFor(item, depth + 1)));
      break;
    case "union":
      own = fc.oneof(...(def.options as Schema[]).map((option) => arbitraryFor(option, depth + 1)));
      break;
    case "pipe":
      own = fc.oneof(inner("in"), inner("out"));
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      own = fc.oneof(inner("innerType"), fc.constantFrom(undefined, null, ""));
      break;
    case "enum":
      own = fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
      break;
    case "literal":
      own = fc.constantFrom(...(def.values as unknown[]));
      break;
    default:
      // string, number, transform, custom…: the generic field values cover their shapes.
      return wrong;
  }
  return fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: wrong });
}
