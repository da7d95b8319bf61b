// The public profile of a province-level unit (no sign-in: published data only): who it is, what
// it was formed from or went into, and every year's PAR INDEX and SIPAS result of the unit and of
// the old units it was formed from, one line each, never summed or averaged into one figure.
import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { cachedPublished } from "@/lib/db/published-cache";
import { decimalOrNull, listProvinceIndices, rankedResult } from "@/lib/results/queries";
import { rankPublished, type PublishedRankedRow } from "@/lib/results/ranking";
import { rankLabel } from "@/lib/results/ranking-view";
import { defaultTargetRank, describeScoreForRank, scoreForRank, type SelfInTable } from "@/lib/results/score-for-rank";
import { isValidOn, resultReferenceDate, unitAndPredecessors, unitLabel } from "@/lib/units/lineage";
import { profileUnit, provinceProfilePath } from "@/lib/units/profile-path";
import type { ProfileIndex, ProfileResultRow, ProfileUnit, ProvinceProfile, ScoreForRankView } from "./types";
import { NATIONAL_FRAMEWORK } from "@/lib/frameworks/queries";
import { inForceFor } from "@/lib/frameworks/versioning";
import { libTranslator } from "@/lib/i18n/lib-translator";

type UnitRecord = { id: number; code: string; nameVi: string; validFrom: Date; validTo: Date | null };

function profileUnitOf(unit: UnitRecord): ProfileUnit {
  return { id: unit.id, code: unit.code, name: unit.nameVi, label: unitLabel(unit), path: provinceProfilePath(unit) };
}

/**
 * The profile of the unit a public address names (lib/units/profile-path.ts), and the score it
 * would have needed for a rank in the latest published table of one index (`ask`).
 * A fixed number of queries: every published result of the province indices is read once and
 * each year is ranked in memory.
 */
export function getProvinceProfile(
  code: string,
  date: Date | null,
  ask: { indexCode: string | null; target: number | null },
  now = new Date(),
): Promise<ProvinceProfile> {
  // Without a date the code means the unit in force today: the day is part of the key.
  const day = (date ?? now).toISOString().slice(0, 10);
  return cachedPublished(`profile|${code}|${day}|${ask.indexCode ?? ""}|${ask.target ?? ""}`, () => computeProvinceProfile(code, date, ask, now));
}

async function computeProvinceProfile(
  code: string,
  date: Date | null,
  ask: { indexCode: string | null; target: number | null },
  now: Date,
): Promise<ProvinceProfile> {
  const [units, regions, links] = await Promise.all([
    db.province.findMany({ orderBy: [{ code: "asc" }, { validFrom: "asc" }] }),
    db.region.findMany(),
    db.provinceLineage.findMany(),
  ]);
  const unit = profileUnit(units, code, date, now);
  if (!unit) {
    throw new NotFoundError(
      date
        ? libTranslator("errors.profiles")("noUnitOn", { code, day: date.toISOString().slice(0, 10) })
        : libTranslator("errors.profiles")("noUnit", { code }),
    );
  }
  const unitById = new Map(units.map((u) => [u.id, u]));
  const regionName = new Map(regions.map((r) => [r.code, r.nameVi]));
  const historyIds = unitAndPredecessors(unit.id, links);

  const [indices, allResults, details, frameworks, averages] = await Promise.all([
    listProvinceIndices(),
    db.publishedResult.findMany({
      where: { index: { subject: "PROVINCE" } },
      select: { provinceId: true, indexCode: true, year: true, score: true, officialRank: true },
    }),
    db.publishedResult.findMany({
      where: { provinceId: { in: historyIds } },
      include: { components: true, criterionScores: { include: { criterion: { select: { code: true, name: true, sortOrder: true } } } } },
      orderBy: [{ year: "desc" }],
    }),
    db.framework.findMany({ where: NATIONAL_FRAMEWORK, include: { components: { orderBy: { sortOrder: "asc" } }, gradeBands: true } }),
    db.publishedAggregate.findMany({ where: { kind: "NATIONAL_AVERAGE" }, orderBy: { year: "asc" } }),
  ]);

  // Each year is ranked among the units in force for its results (63 until 2024, 34 after).
  const unitCounts = new Map<number, number>();
  const unitCountOf = (year: number) => {
    if (!unitCounts.has(year)) unitCounts.set(year, units.filter((u) => isValidOn(u, resultReferenceDate(year))).length);
    return unitCounts.get(year)!;
  };
  const tables = new Map<string, typeof allResults>();
  for (const result of allResults) {
    const key = `${result.indexCode}|${result.year}`;
    if (!tables.has(key)) tables.set(key, []);
    tables.get(key)!.push(result);
  }
  const ranked = new Map<string, PublishedRankedRow[]>();
  const rankedTable = (indexCode: string, year: number) => {
    const key = `${indexCode}|${year}`;
    if (!ranked.has(key)) {
      const rows = (tables.get(key) ?? []).map((r) => ({
        key: String(r.provinceId),
        score: decimalOrNull(r.score),
        officialRank: r.officialRank,
      }));
      ranked.set(key, rankPublished(rows, unitCountOf(year)));
    }
    return ranked.get(key)!;
  };

  const historyOrder = new Map(historyIds.map((id, i) => [id, i]));
  const profileIndices: ProfileIndex[] = indices.map((index) => {
    const ofIndex = frameworks.filter((f) => f.indexCode === index.code);
    const rows = details
      .filter((result) => result.indexCode === index.code)
      .sort((a, b) => b.year - a.year || historyOrder.get(a.provinceId)! - historyOrder.get(b.provinceId)!)
      .map((result): ProfileResultRow => {
        const framework = inForceFor(ofIndex, result.year);
        const row = rankedTable(index.code, result.year).find((r) => r.key === String(result.provinceId))!;
        return {
          ...rankedResult(result, row, unitCountOf(result.year), framework),
          unit: profileUnitOf(unitById.get(result.provinceId)!),
          fieldScores: [...result.criterionScores]
            .sort((a, b) => a.criterion.sortOrder - b.criterion.sortOrder)
            .map((s) => ({ code: s.criterion.code, name: s.criterion.name, value: Number(s.score) })),
        };
      });
    const lineIds = historyIds.filter((id) => rows.some((row) => row.unit.id === id));
    const additive = ofIndex.length === 0 || ofIndex.some((f) => f.componentsAreAdditive);
    return {
      code: index.code,
      shortName: index.shortName,
      nameVi: index.nameVi,
      componentsAreAdditive: additive,
      rows,
      lines: lineIds.map((id) => profileUnitOf(unitById.get(id)!)),
      nationalAverages: averages.filter((a) => a.indexCode === index.code).map((a) => ({ year: a.year, value: Number(a.value), source: a.source })),
    };
  });

  // ── Score needed for rank N, in the latest published table of the chosen index ──
  const requested = indices.find((i) => i.code === (ask.indexCode ?? "PAR_INDEX"));
  const chosen = requested ?? indices[0];
  const latestYear = allResults
    .filter((r) => r.indexCode === chosen.code)
    .reduce<number | null>((max, r) => (max === null || r.year > max ? r.year : max), null);
  let scoreView: ScoreForRankView;
  // Without a table to read: no answer, only what is missing.
  const unanswered = {
    index: { code: chosen.code, shortName: chosen.shortName },
    year: null,
    unitCount: 0,
    target: ask.target ?? defaultTargetRank(null),
    targetIsDefault: ask.target === null,
    answer: null,
  };
  if (!requested && ask.indexCode !== null) {
    scoreView = {
      ...unanswered,
      sentence: "",
      error: libTranslator("errors.profiles")("noIndex", { index: ask.indexCode, indices: indices.map((i) => i.shortName).join(", ") }),
    };
  } else if (latestYear === null) {
    scoreView = { ...unanswered, sentence: libTranslator("errors.profiles")("noResults", { index: chosen.shortName }), error: null };
  } else {
    // Ranks published without a score only narrow the bounds: the answer needs scores.
    const published = rankedTable(chosen.code, latestYear);
    const table = published.filter((row): row is PublishedRankedRow & { score: number } => row.score !== null);
    const rankOnly = published.filter((row) => row.score === null && row.key !== String(unit.id)).map((row) => ({ key: row.key, officialRank: row.rank! }));
    const unitCount = unitCountOf(latestYear);
    const ownRow = table.find((row) => row.key === String(unit.id));
    const self: SelfInTable = ownRow
      ? { kind: "row", key: ownRow.key }
      : isValidOn(unit, resultReferenceDate(latestYear))
        ? { kind: "unknown" }
        : { kind: "absent" };
    const target = ask.target ?? defaultTargetRank(ownRow && !ownRow.officialRankDisagrees ? ownRow.rank : null);
    const view = {
      index: { code: chosen.code, shortName: chosen.shortName },
      year: latestYear,
      unitCount,
      target,
      targetIsDefault: ask.target === null,
    };
    if (target > unitCount) {
      scoreView = {
        ...view,
        answer: null,
        sentence: "",
        error: libTranslator("errors.profiles")("rankRange", { count: unitCount, index: chosen.shortName, year: latestYear }),
      };
    } else {
      const answer = scoreForRank({ rows: table, unitCount, self, target, rankOnly });
      const sentence = describeScoreForRank(answer, {
        indexName: chosen.shortName,
        year: latestYear,
        target,
        unitCount,
        knownRows: table.length,
        nameOf: (key) => unitById.get(Number(key))?.nameVi ?? key,
        province: {
          name: unit.nameVi,
          ranked: self.kind !== "absent",
          own: ownRow ? { score: ownRow.score, rank: rankLabel(ownRow, unitCount) } : null,
        },
      });
      scoreView = { ...view, answer, sentence, error: null };
    }
  }

  const linkOf = (id: number, effectiveOn: Date, legalBasis: string) => ({
    unit: profileUnitOf(unitById.get(id)!),
    effectiveOn,
    legalBasis,
  });
  const formedFrom = links.filter((l) => l.successorId === unit.id);
  const predecessorRegions = [...new Set(formedFrom.map((l) => unitById.get(l.predecessorId)?.regionCode ?? null))];
  return {
    unit: {
      ...profileUnitOf(unit),
      kind: unit.kind,
      regionName: unit.regionCode ? (regionName.get(unit.regionCode) ?? unit.regionCode) : null,
      regionNote:
        unit.regionCode === null && predecessorRegions.length > 1
          ? libTranslator("errors.profiles")("regionUnknown", {
              count: predecessorRegions.length,
              regions: predecessorRegions.map((code) => (code ? (regionName.get(code) ?? code) : libTranslator("errors.profiles")("regionUnnamed"))).join("; "),
            })
          : null,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      codeDecision: unit.codeDecision,
    },
    formedFrom: formedFrom.map((l) => linkOf(l.predecessorId, l.effectiveOn, l.legalBasis)),
    wentInto: links.filter((l) => l.predecessorId === unit.id).map((l) => linkOf(l.successorId, l.effectiveOn, l.legalBasis)),
    indices: profileIndices,
    scoreForRank: scoreView,
  };
}
