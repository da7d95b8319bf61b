// The pages of a long server-side list (accounts, agencies): which rows are shown of how many, and
// the links to the page before and after, keeping the list's filters (hrefOf builds the address).
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { pageCount } from "@/lib/paging";

type Props = { page: number; pageSize: number; total: number; hrefOf: (page: number) => string; "data-testid"?: string };

export function Pager({ page, pageSize, total, hrefOf, ...rest }: Props) {
  const t = useTranslations("common.pager");
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid={rest["data-testid"]}>
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className="link" rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span data-testid="pager-range">{t("range", { from, to, total })}</span>
      <span className="text-slate-500">{t("page", { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefOf(page + 1)} className="link" rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}

/** A list's address for another page: its filters as they are, the page number replaced. */
export function pageHref(path: string, params: Record<string, string | undefined>) {
  return (page: number) => {
    const kept = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]) && entry[0] !== "page");
    return `${path}?${new URLSearchParams([...kept, ["page", String(page)]])}`;
  };
}
