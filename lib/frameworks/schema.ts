// Input of the framework forms and API. Messages name the field and say how to fix it. Numbers
// may be typed the Vietnamese way ("2,5") or with a dot ("2.5").
import { libTranslator } from "@/lib/i18n/lib-translator";
import { fieldNames, tableFormatParam, type FieldLabel } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { FRAMEWORK_AGENCY_KINDS, METHODS, STATUSES } from "./labels";
import { parseDecimal } from "./points";
import { CODE_PATTERN, MAX_POINTS_LIMIT } from "./tree";

export { parseDecimal };

/** What a caller may send: any field, any type (forms send text); the schema decides. */
export type LooseInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

type Message = Parameters<ReturnType<typeof libTranslator<"errors.frameworks.input">>>[0];
/** `{ error }` worded from errors.frameworks.input when input is checked (the request's language), naming the field (`{label}`, `{Label}`). */
const say = (key: Message, field: FieldLabel | null = null, values: Record<string, string> = {}) => ({
  error: () => libTranslator("errors.frameworks.input")(key, { ...(field === null ? {} : fieldNames(field)), ...values } as never),
});

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export function pointsSchema(label: FieldLabel, options: { positive?: boolean } = {}) {
  const number = z.number(say("pointsNumber", label));
  return z.preprocess(
    (v) => (typeof v === "string" ? (parseDecimal(v) ?? undefined) : v),
    (options.positive ? number.positive(say("pointsPositive", label)) : number.min(0, say("pointsNegative", label)))
      .max(MAX_POINTS_LIMIT, say("pointsTooLarge", label))
      .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, say("pointsDecimals", label)),
  );
}

const yearSchema = (label: FieldLabel) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number(say("yearDigits", label)).int(say("yearDigits", label)).min(2000, say("yearMin", label)).max(2100, say("yearMax", label)),
  );

const optionalText = (label: FieldLabel, max: number) =>
  z.preprocess(
    (v) => (v === null || v === undefined ? "" : v),
    z
      .string()
      .trim()
      .max(max, say("tooLong", label, { max: String(max) }))
      .transform((v) => (v === "" ? null : v)),
  );

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const idSchema = (label: FieldLabel) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number(say("idMissing", label)).int(say("idInvalid", label)).positive(say("idInvalid", label)).max(DB_INT_MAX, say("idInvalid", label)),
  );

/** The framework revision the form was read at (optimistic concurrency). */
const revisionSchema = z.preprocess(
  blankToUndefined,
  z.coerce.number(say("revisionMissing")).int(say("revisionInvalid")).min(0, say("revisionInvalid")).max(DB_INT_MAX, say("revisionInvalid")),
);

const target = { frameworkId: idSchema("frameworkCode"), revision: revisionSchema };

const metaShape = {
  name: z.string(say("nameRequired")).trim().min(3, say("nameTooShort")).max(300, say("nameTooLong")),
  decision: optionalText("decision", 500),
  validFromYear: yearSchema("validFromYear"),
  validToYear: z.preprocess(blankToUndefined, yearSchema("validToYear").optional()).transform((v) => v ?? null),
  maxScore: pointsSchema("frameworkMaxScore", { positive: true }),
  bonusCap: z.preprocess(blankToUndefined, pointsSchema("bonusCap").default(0)),
  penaltyCap: z.preprocess(blankToUndefined, pointsSchema("penaltyCap").default(0)),
  componentsAreAdditive: checkbox,
  isIllustrative: checkbox,
  note: optionalText("note", 2000),
  agencyKind: z.preprocess(blankToUndefined, z.enum(FRAMEWORK_AGENCY_KINDS, say("agencyKind")).optional()).transform((v) => v ?? null),
};

function yearsInOrder(value: { validFromYear: number; validToYear: number | null }, ctx: z.RefinementCtx) {
  if (value.validToYear !== null && value.validToYear < value.validFromYear) {
    ctx.addIssue({
      code: "custom",
      path: ["validToYear"],
      message: libTranslator("errors.frameworks.input")("yearsOrder", { to: String(value.validToYear), from: String(value.validFromYear) }),
    });
  }
}

export const createFrameworkSchema = z
  .object({
    ...metaShape,
    indexCode: z.string(say("chooseIndex")).trim().min(1, say("chooseIndex")),
    ownerProvinceId: z.preprocess(blankToUndefined, idSchema("ownerProvince").optional()).transform((v) => v ?? null),
    key: z
      .preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, say("keyShape"))
          .optional(),
      )
      .transform((v) => v ?? null),
  })
  .superRefine(yearsInOrder);
export type CreateFrameworkInput = LooseInput<typeof createFrameworkSchema>;

export const updateFrameworkMetaSchema = z
  .object({
    ...target,
    ...metaShape,
    status: z.enum(STATUSES, say("status")),
  })
  .superRefine(yearsInOrder);
export type UpdateFrameworkMetaInput = LooseInput<typeof updateFrameworkMetaSchema>;

const criterionShape = {
  code: z.string(say("codeRequired")).trim().min(1, say("codeRequired")).regex(CODE_PATTERN, say("codeShape")),
  name: z.string(say("criterionName")).trim().min(1, say("criterionName")).max(500, say("criterionNameTooLong")),
  maxPoints: pointsSchema("maxPoints"),
  method: z.preprocess(blankToUndefined, z.enum(METHODS, say("method")).default("APPRAISAL")),
  guidance: optionalText("guidance", 4000),
  requiredEvidence: optionalText("requiredEvidence", 4000),
  recomputeParents: checkbox,
};

export const updateCriterionSchema = z.object({ ...target, criterionId: idSchema("criterionCode"), ...criterionShape });
export type UpdateCriterionInput = LooseInput<typeof updateCriterionSchema>;

export const addCriterionSchema = z.object({
  ...target,
  /** null: a new field (top level). */
  parentId: z.preprocess(blankToUndefined, idSchema("parentItem").optional()).transform((v) => v ?? null),
  ...criterionShape,
});
export type AddCriterionInput = LooseInput<typeof addCriterionSchema>;

export const deleteCriterionSchema = z.object({ ...target, criterionId: idSchema("criterionCode"), recomputeParents: checkbox });
export type DeleteCriterionInput = LooseInput<typeof deleteCriterionSchema>;

export const setMaxPointsSchema = z.object({
  ...target,
  points: z.array(z.object({ criterionId: idSchema("criterionCode"), maxPoints: pointsSchema("maxPoints") })),
});
export type SetMaxPointsInput = LooseInput<typeof setMaxPointsSchema>;

export const gradeBandSchema = z.object({
  label: z.string().trim().min(1, say("bandName")).max(40, say("bandNameTooLong")),
  minScore: pointsSchema("bandMinScore"),
});

export const setGradeBandsSchema = z.object({ ...target, bands: z.array(gradeBandSchema).max(20, say("bandsMax")) }).superRefine((value, ctx) => {
  const seen = new Set<string>();
  value.bands.forEach((band, i) => {
    if (seen.has(band.label))
      ctx.addIssue({ code: "custom", path: ["bands", i, "label"], message: libTranslator("errors.frameworks.input")("bandTwice", { band: band.label }) });
    seen.add(band.label);
  });
});
export type SetGradeBandsInput = LooseInput<typeof setGradeBandsSchema>;

export const componentSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{0,39}$/, say("componentCode")),
  nameVi: z.string().trim().min(1, say("componentName")).max(200, say("componentNameTooLong")),
  maxPoints: pointsSchema("componentMaxPoints"),
});

export const setComponentsSchema = z.object({ ...target, components: z.array(componentSchema).max(20, say("componentsMax")) }).superRefine((value, ctx) => {
  const seen = new Set<string>();
  value.components.forEach((c, i) => {
    if (seen.has(c.code))
      ctx.addIssue({ code: "custom", path: ["components", i, "code"], message: libTranslator("errors.frameworks.input")("componentTwice", { code: c.code }) });
    seen.add(c.code);
  });
});
export type SetComponentsInput = LooseInput<typeof setComponentsSchema>;

export const importTreeSchema = z.object(target);
export type ImportTreeInput = LooseInput<typeof importTreeSchema>;

export const frameworkIdSchema = idSchema("frameworkCode");
export const exportQuerySchema = z.object({ format: tableFormatParam("csv") });
