// next-intl's types follow the Vietnamese catalogue: a key missing from it, or a namespace that
// does not exist, fails `tsc` wherever t("…") is called.
import type { Messages } from "./catalogue";
import type { Locale } from "./config";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
