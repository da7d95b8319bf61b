// What a password must be, after NIST SP 800-63B (5.1.1.2): at least 12 characters, any
// characters (spaces and Vietnamese letters too), no composition rules, and not a common or
// breached password nor one built from the user's own name or e-mail. The common and breached
// passwords are zxcvbn-ts's list (@zxcvbn-ts/language-common, the passwords of public breaches);
// its estimate of the guesses needed gives the strength hint.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { libTranslator } from "@/lib/i18n/lib-translator";

export const PASSWORD_MIN_LENGTH = 12;
/** NIST asks for at least 64; argon2 is fed the whole of it. */
export const PASSWORD_MAX_LENGTH = 200;

/** 0 (guessed at once) … 4 (very hard to guess), zxcvbn's scale. */
export type Strength = 0 | 1 | 2 | 3 | 4;
export type PasswordProblem = "tooShort" | "tooLong" | "common" | "personal";
export type PasswordVerdict = { ok: boolean; problem: PasswordProblem | null; strength: Strength };

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** Characters as a person counts them (a Vietnamese letter with its marks is one). */
export const passwordLength = (password: string) => [...password.normalize("NFC")].length;

/** Words of the user's own that a password must not be built from. */
function personalWords(personal: readonly string[]): string[] {
  return personal.flatMap((text) => text.toLowerCase().split(/[\s@._-]+/)).filter((word) => word.length >= 4);
}

export function checkPassword(password: string, personal: readonly string[] = []): PasswordVerdict {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, problem: "tooShort", strength: 0 };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, problem: "tooLong", strength: 0 };
  const words = personalWords(personal);
  const result = zxcvbn().check(password, words);
  const strength = result.score as Strength;
  // Mostly a known password (or a light variation of one), or mostly the user's own words.
  const matches = result.sequence.filter((part) => part.pattern === "dictionary");
  const covered = (name: string) => matches.filter((part) => part.dictionaryName === name).reduce((sum, part) => sum + part.token.length, 0);
  if (covered("userInputs") * 2 >= password.length) return { ok: false, problem: "personal", strength };
  if (strength < 3 && covered("passwords-common") + covered("userInputs") > 0) return { ok: false, problem: "common", strength };
  if (strength < 2) return { ok: false, problem: "common", strength };
  return { ok: true, problem: null, strength };
}

/** What is wrong with a password, in the request's language. */
export function passwordMessage(problem: PasswordProblem): string {
  const t = libTranslator("errors.accounts");
  switch (problem) {
    case "tooShort":
      return t("passwordTooShort", { min: PASSWORD_MIN_LENGTH });
    case "tooLong":
      return t("passwordTooLong", { max: PASSWORD_MAX_LENGTH });
    case "common":
      return t("passwordCommon");
    case "personal":
      return t("passwordPersonal");
  }
}
