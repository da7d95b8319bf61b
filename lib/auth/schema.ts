import { libTranslator } from "@/lib/i18n/lib-translator";
import { z } from "@/lib/validation/zod";

type SignInMessage = "emailRequired" | "emailInvalid" | "passwordRequired";

// Worded when a form is checked, not when this module loads: in the language of that request.
const say = (key: SignInMessage) => () => libTranslator("errors.signIn")(key);
const tooLong = (key: "emailTooLong" | "passwordTooLong", max: number) => () => libTranslator("errors.signIn")(key, { max });

export const loginSchema = z.object({
  email: z
    .string({ error: say("emailRequired") })
    .trim()
    .toLowerCase()
    .min(1, { error: say("emailRequired") })
    .max(254, { error: tooLong("emailTooLong", 254) })
    .pipe(z.email({ error: say("emailInvalid") })),
  password: z
    .string({ error: say("passwordRequired") })
    .min(1, { error: say("passwordRequired") })
    .max(200, { error: tooLong("passwordTooLong", 200) }),
});
export type LoginInput = z.infer<typeof loginSchema>;
