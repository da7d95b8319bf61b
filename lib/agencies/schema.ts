// Inputs of agency administration (screens, API, import): a province's departments and communes.
import { emailSchema, provinceCodeSchema } from "@/lib/accounts/schema";
import { blankToUndefined, id, optionalDay, optionalText, pageNumber, requiredText, versionSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { AGENCY_KINDS } from "./rules";
import { libTranslator } from "@/lib/i18n/lib-translator";

type AgencyMessage = Parameters<ReturnType<typeof libTranslator<"errors.agencies">>>[0];
// Worded when input is checked, not when this module loads: in the language of that request.
const say = (key: AgencyMessage) => ({ error: () => libTranslator("errors.agencies")(key as "codeRequired") });

const code = z
  .string(say("codeRequired"))
  .trim()
  .min(1, say("codeRequired"))
  .max(30, say("codeTooLong"))
  .regex(/^[A-Za-z0-9._-]+$/, say("codeChars"))
  .transform((text) => text.toUpperCase());

const kind = z.enum(AGENCY_KINDS, say("kind"));
const optionalEmail = z.preprocess(blankToUndefined, emailSchema.optional()).transform((v) => v ?? null);
const phone = optionalText("contactPhone", 30);
const peerGroup = optionalText("peerGroup", 100);

export const agencyFieldsSchema = z.object({
  code,
  name: requiredText("agencyFullName", 300),
  shortName: optionalText("shortName", 100),
  kind,
  peerGroup,
  contactEmail: optionalEmail,
  contactPhone: phone,
});

export const agencyCreateSchema = agencyFieldsSchema.extend({
  /** An administrator names the province; Home Affairs staff act on their own. */
  provinceCode: provinceCodeSchema.optional().transform((v) => v ?? null),
  validFrom: optionalDay("activeFrom"),
});
export type AgencyCreateInput = z.output<typeof agencyCreateSchema>;

export const agencyUpdateSchema = z.object({
  version: versionSchema,
  code: code.optional(),
  name: requiredText("agencyFullName", 300).optional(),
  shortName: optionalText("shortName", 100),
  kind: kind.optional(),
  peerGroup,
  contactEmail: optionalEmail,
  contactPhone: phone,
  validFrom: optionalDay("activeFrom"),
  /** The last day of activity: ending an agency keeps its history (never deleted once used). */
  validTo: optionalDay("activeTo"),
});

export const agencyListSchema = z.object({
  province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, say("searchTooLong")).optional()),
  kind: z.preprocess(blankToUndefined, kind.optional()),
  /** current (default): in force today; ended; all. */
  status: z.preprocess(blankToUndefined, z.enum(["current", "ended", "all"], say("status")).default("current")),
  page: pageNumber,
});

const lineageFields = {
  effectiveOn: optionalDay("effectiveOn").pipe(z.date(say("effectiveOnRequired"))),
  legalBasis: requiredText("legalBasis", 300, "legalBasis"),
};

/** Several agencies become one from a day: an existing one (intoId) or a new one. */
export const agencyMergeSchema = z.object({
  ...lineageFields,
  sourceIds: z.array(id("mergedAgency")).min(1, say("chooseMerged")).max(200, say("mergeMax")),
  intoId: z.preprocess(blankToUndefined, id("receivingAgency").optional()),
  into: agencyFieldsSchema.optional(),
});

/** One agency becomes several new ones from a day. */
export const agencySplitSchema = z.object({
  ...lineageFields,
  sourceId: id("splitAgency"),
  parts: z.array(agencyFieldsSchema).min(2, say("splitTwo")).max(50, say("splitMax")),
});

export const agencyDeleteSchema = z.object({ id: id("agency"), version: versionSchema });

/** Options of an import: the province (administrators), dry run. */
export const importOptionsSchema = z.object({
  province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()),
  dryRun: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
});

/** `?province=` of a template download (an administrator's choice; Home Affairs staff: their own). */
export const templateQuerySchema = z.object({ province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()) });
