// Inputs of account administration, the password pages and the API (README, "Administration").
// The screens, the API and the import check the same schemas.
import { blankToUndefined, type FieldLabel, optionalDay, maxLength, optionalId, pageNumber, requiredText, versionSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { PASSWORD_MAX_LENGTH } from "./password-rule";
import { ROLES, STATUSES } from "./rules";
import { libTranslator } from "@/lib/i18n/lib-translator";

type AccountMessage = Parameters<ReturnType<typeof libTranslator<"errors.accounts">>>[0];
// Worded when a form is checked, not when this module loads: in the language of that request.
const say = (key: AccountMessage) => ({ error: () => libTranslator("errors.accounts")(key as "emailRequired") });

export const emailSchema = z
  .string(say("emailRequired"))
  .trim()
  .toLowerCase()
  .min(1, say("emailRequired"))
  .max(254, say("emailTooLong"))
  .pipe(z.email(say("emailInvalid")));

const phoneSchema = z
  .string(say("phoneRequired"))
  .trim()
  .max(30, say("phoneTooLong"))
  .refine((text) => text === "" || /^\+?[\d .()-]{6,30}$/.test(text), say("phoneChars"))
  .optional()
  .nullable()
  .transform((text) => (text ? text : null));

const roleSchema = z.enum(ROLES, say("role"));

/** A province by its code in force (two digits, e.g. 01 for Hà Nội); empty for none. */
export const provinceCodeSchema = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? null : typeof value === "number" ? String(value).padStart(2, "0") : value),
  z
    .string(say("provinceCode"))
    .trim()
    .regex(/^\d{2}$/, say("provinceCode"))
    .nullable(),
);

export const accountCreateSchema = z.object({
  email: emailSchema,
  name: requiredText("fullName", 200),
  phone: phoneSchema,
  role: roleSchema,
  provinceCode: provinceCodeSchema.optional().transform((v) => v ?? null),
  agencyId: optionalId("agency")
    .optional()
    .transform((v) => v ?? null),
});
export type AccountCreateInput = z.output<typeof accountCreateSchema>;

/** A change names only what changes, and the version it read. */
export const accountUpdateSchema = z.object({
  version: versionSchema,
  email: emailSchema.optional(),
  name: requiredText("fullName", 200).optional(),
  phone: phoneSchema,
  role: roleSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
  agencyId: optionalId("agency").optional(),
  disabled: z.preprocess(
    (value) => (value === "true" || value === "on" ? true : value === "false" ? false : blankToUndefined(value)),
    z.boolean(say("disabled")).optional(),
  ),
});
export type AccountUpdateInput = z.output<typeof accountUpdateSchema>;

const filterText = (label: FieldLabel, max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, maxLength(label, max)).optional());

export const accountFilterSchema = z.object({
  q: filterText("search", 200),
  role: z.preprocess(blankToUndefined, roleSchema.optional()),
  province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()),
  agencyId: z.preprocess(blankToUndefined, optionalId("agency").optional()),
  status: z.preprocess(blankToUndefined, z.enum(STATUSES, say("status")).optional()),
  /** Signed in for the last time before this day (or never): accounts nobody uses. */
  signedInBefore: optionalDay("signedInBefore"),
  page: pageNumber,
});
export type AccountFilter = z.output<typeof accountFilterSchema>;

const newPassword = z
  .string(say("newPasswordRequired"))
  .min(1, say("newPasswordRequired"))
  // The rule itself (length, common passwords) is ./password-rule.ts, checked with the user's own words.
  .max(PASSWORD_MAX_LENGTH + 1, { error: () => libTranslator("errors.accounts")("passwordTooLong", { max: PASSWORD_MAX_LENGTH }) });

export const passwordSetSchema = z.object({
  token: z.string(say("tokenMissing")).trim().min(1, say("tokenMissing")).max(200, say("tokenInvalid")),
  password: newPassword,
});

export const passwordForgotSchema = z.object({ email: emailSchema });

export const passwordChangeSchema = z.object({
  currentPassword: z.string(say("currentPasswordRequired")).min(1, say("currentPasswordRequired")).max(PASSWORD_MAX_LENGTH, say("currentPasswordWrong")),
  newPassword: newPassword,
});

export const profileSchema = z.object({
  version: versionSchema,
  name: requiredText("fullName", 200),
  phone: phoneSchema,
});

export const accountIdSchema = z.object({ id: optionalId("account").pipe(z.number(say("chooseAccount"))) });
export const accountActionSchema = z.object({ id: accountIdSchema.shape.id, version: versionSchema });
