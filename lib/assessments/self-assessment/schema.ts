// Input of the province's own PAR INDEX self-assessment (issue 17, item 7): which province, which
// national framework, which year, and the day the self-assessment must be ready.
import { libTranslator } from "@/lib/i18n/lib-translator";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { deadlineSchema } from "../schema";

type Message = Parameters<ReturnType<typeof libTranslator<"errors.selfAssessment">>>[0];
const say = (key: Message) => ({ error: () => libTranslator("errors.selfAssessment")(key) });
const id = (key: Message) => z.coerce.number(say(key)).int(say(key)).positive(say(key)).max(DB_INT_MAX, say(key));

export const openSelfAssessmentSchema = z.object({
  provinceId: id("chooseProvince"),
  frameworkId: id("chooseFramework"),
  year: z.coerce.number(say("year")).int(say("year")).min(2000, say("year")).max(2100, say("year")),
  deadline: deadlineSchema,
});
export type OpenSelfAssessmentInput = z.input<typeof openSelfAssessmentSchema>;
