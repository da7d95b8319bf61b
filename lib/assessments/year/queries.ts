// The year's ranking of a province's agencies across its published periods, whichever framework
// scored each (a framework per peer group, ../peer-frameworks.ts): for those who read the whole
// province (Home Affairs, leaders, administrators).
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { applicableMaximum } from "../applicable";
import { yearRanking } from "../peer-frameworks";
import type { YearRankingView } from "./types";

export async function getYearRanking(actor: Actor, provinceId: number, year: number | null): Promise<YearRankingView> {
  authorize(actor, "province.read", { provinceId });
  const province = await db.province.findUnique({ where: { id: provinceId } });
  if (!province) throw new NotFoundError(libTranslator("errors.generic")("notFound"));
  const years = (
    await db.assessmentPeriod.findMany({ where: { provinceId, status: "PUBLISHED" }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } })
  ).map((p) => p.year);
  const chosen = year !== null && years.includes(year) ? year : (years[0] ?? null);
  const periods =
    chosen === null
      ? []
      : await db.assessmentPeriod.findMany({
          where: { provinceId, year: chosen, status: "PUBLISHED" },
          orderBy: { id: "asc" },
          include: {
            framework: { select: { name: true } },
            peerGroup: { select: { name: true } },
            assessments: {
              where: { finalTotal: { not: null } },
              include: {
                agency: { include: { peerGroup: true } },
                scores: { select: { notApplicable: true, criterion: { select: { maxPoints: true } } } },
              },
            },
          },
        });
  const periodOf = new Map<number, number>();
  const codeOf = new Map<number, string>();
  const ranked = yearRanking(
    periods.flatMap((p) =>
      p.assessments.map((a) => {
        periodOf.set(a.id, p.id);
        codeOf.set(a.id, a.agency.code);
        return {
          assessmentId: a.id,
          agencyName: a.agency.name,
          group: a.agency.peerGroup?.name ?? null,
          framework: p.framework.name,
          finalTotal: Number(a.finalTotal),
          applicableMax: applicableMaximum(a.scores.map((s) => ({ maxPoints: Number(s.criterion.maxPoints), notApplicable: s.notApplicable }))),
        };
      }),
    ),
  );
  return {
    provinceId,
    provinceName: province.nameVi,
    year: chosen,
    years,
    periods: periods.map((p) => ({ id: p.id, framework: p.framework.name, peerGroup: p.peerGroup?.name ?? null, agencyCount: p.assessments.length })),
    rows: ranked.map((row) => ({ ...row, periodId: periodOf.get(row.assessmentId)!, agencyCode: codeOf.get(row.assessmentId)! })),
  };
}
