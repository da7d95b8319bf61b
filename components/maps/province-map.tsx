// A choropleth of the provinces for one index and year: the drawing (loaded after the page), its
// caption, how many units are known, the boundaries' attribution, and the same data as a table.
// Shown on the home page, the rankings page and each profile (its province highlighted).
import { useTranslations } from "next-intl";
import type { ProvinceMapData } from "@/lib/maps/types";
import { useFormat } from "@/lib/i18n/client";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { ProvinceMapView } from "./lazy";

export function ProvinceMap({ data, highlight = null, title }: { data: ProvinceMapData; highlight?: string | null; title?: string }) {
  const t = useTranslations("public.map");
  const format = useFormat();
  const tableId = `bang-ban-do-${data.index.code.toLowerCase()}-${data.year}`;
  const units = [...data.units].sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return (
    <Card as="figure" padding="sm" className="space-y-2" data-testid="map-figure">
      <figcaption className="text-sm">
        <span className="font-semibold">{title ?? t("title", { index: data.index.shortName, year: data.year })}</span>
        <span className="block text-slate-600" data-testid="map-known">
          {t("known", { known: data.known, count: data.unitCount })}
        </span>
      </figcaption>
      <ClientMessages namespaces={["public.map"]}>
        <ProvinceMapView data={data} highlight={highlight} />
      </ClientMessages>
      <p className="text-xs text-slate-500" data-testid="map-attribution">
        {t("attribution")}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold text-brand-700">{t("table")}</summary>
        <table id={tableId} className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{t("title", { index: data.index.shortName, year: data.year })}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("province")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t("score")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t("rank")}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t("groupColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.code} className={unit.code === highlight ? "bg-amber-50 font-semibold" : "border-b border-slate-100"}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  <a href={unit.profilePath} className="link">
                    {unit.name}
                  </a>
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">
                  {unit.score !== null ? format.score(unit.score) : unit.rank !== null ? t("scoreNotPublished") : t("noData")}
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">{unit.rank !== null ? `${unit.rank}/${data.unitCount}` : "—"}</td>
                <td className="py-1">{unit.group ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
