import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getProvinceMap } from "@/lib/maps/queries";
import { latestResultYear } from "@/lib/results/queries";
import { indexCodeSchema, yearSchema } from "@/lib/results/schema";
import { ProvinceMap } from "@/components/maps/province-map";
import { Callout } from "@/components/ui/callout";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.embed"))("title") };
}

type Search = { index?: string; year?: string };

/**
 * The map for other sites to frame (newspapers, provincial portals): the map alone, with its
 * table and attribution, and a link back to the portal. The only address another site may frame
 * (lib/security/headers.ts); it sets no cookie.
 */
export default async function EmbeddedMapPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [params, t] = await Promise.all([searchParams, getTranslations("public.embed")]);
  const index = indexCodeSchema.safeParse(params.index ?? "PAR_INDEX");
  const year = params.year ? yearSchema.safeParse(params.year) : null;
  const problem = !index.success ? index.error.issues[0].message : year && !year.success ? year.error.issues[0].message : null;
  if (problem !== null || !index.success) return <Callout tone="error">{problem}</Callout>;
  const shownYear = year?.success ? year.data : await latestResultYear(index.data);
  if (shownYear === null) return <Callout tone="info">{t("noData")}</Callout>;
  const map = await getProvinceMap(index.data, shownYear);
  return (
    <main className="space-y-2 p-2">
      <ProvinceMap data={map} />
      <p className="text-xs text-slate-600">
        <a href={`/xep-hang?index=${index.data}&year=${shownYear}`} target="_blank" rel="noopener" className="text-brand-700 underline">
          {t("source")}
        </a>
      </p>
    </main>
  );
}
