import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

type Kind = "selfAssessment" | "appraisalNotice" | "rankingAnnex" | "directiveReport" | "leaderSummary";

/** Links to the documents a page's data makes (GET /api/v1/documents/…), each as Word and PDF. */
export async function DocumentDownloads({ documents }: { documents: { kind: Kind; href: string }[] }) {
  const t = await getTranslations("documents.download");
  return (
    <div className="no-print text-sm" data-testid="document-downloads">
      <p className="font-semibold">{t("title")}</p>
      <ul className="mt-2 space-y-2">
        {documents.map(({ kind, href }) => (
          <li key={kind} className="flex flex-wrap items-center gap-2">
            <span className="min-w-48">{t(kind)}</span>
            <a href={`${href}&format=docx`} className={buttonClass("secondary", "xs")} download>
              {t("docx")}
            </a>
            <a href={`${href}&format=pdf`} className={buttonClass("secondary", "xs")} download>
              {t("pdf")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
