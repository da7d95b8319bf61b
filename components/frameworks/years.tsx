// The years a framework version applies to, as a reader says them: "từ 2023", "2022", "2018–2021".
import { useTranslations } from "next-intl";

type YearRange = { validFromYear: number; validToYear: number | null };

export function useYears(): (range: YearRange) => string {
  const t = useTranslations("frameworks.years");
  return ({ validFromYear: from, validToYear: to }) => (to === null ? t("from", { from }) : from === to ? String(from) : t("range", { from, to }));
}

export function Years({ range }: { range: YearRange }) {
  return useYears()(range);
}
