// What "forgot my password" answers, whatever the e-mail: no account can be told from another.
// Without a mail server (issue 12) the link cannot reach the person; their province's Home
// Affairs department issues a new one from the accounts page.
import { libTranslator } from "@/lib/i18n/lib-translator";
export const forgotAnswer = () => ({ message: libTranslator("errors.accounts")("forgotAnswer") });
