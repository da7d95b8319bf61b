// The annex to the decision publishing the year's internal ranking (phụ lục kết quả xác định Chỉ
// số CCHC): every agency's points by field, total, percentage of its maximum, rank and
// classification, section by section for each peer group. An annex carries no motto and no
// signature of its own: it travels with the decision (Nghị định 30/2020, Phụ lục I, mục IV).
import { compareVietnamese } from "@/lib/format";
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import type { AdministrativeDocument, Block, Column } from "@/lib/io/document/model";
import { competitionRanks } from "@/lib/results/ranking";
import type { AnnexData, DocumentSettings } from "./types";

const f = formatFor("vi");

type Agency = AnnexData["agencies"][number];

/** Percentage of the maximum, as the portal shows it elsewhere: final total ÷ maximum. */
export const percentOfMaximum = (a: Pick<Agency, "finalTotal" | "maximum">) =>
  a.finalTotal === null || a.maximum <= 0 ? null : (a.finalTotal / a.maximum) * 100;

/** Peer groups in alphabetical order, agencies without one last; in each, ranked by final total (ties share a rank). */
export function annexSections(agencies: readonly Agency[]): { group: string | null; rows: (Agency & { rank: number | null })[] }[] {
  const groups = [...new Set(agencies.map((a) => a.peerGroup))].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareVietnamese(a, b)));
  return groups.map((group) => {
    const members = agencies.filter((a) => a.peerGroup === group);
    const ranked = members.filter((a) => a.finalTotal !== null);
    const ranks = competitionRanks(ranked.map((a) => a.finalTotal!));
    const rankOf = new Map(ranked.map((a, i) => [a, ranks[i]]));
    const rows = members.map((a) => ({ ...a, rank: rankOf.get(a) ?? null }));
    rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || compareVietnamese(a.name, b.name));
    return { group, rows };
  });
}

export function rankingAnnexDocument(data: AnnexData, settings: DocumentSettings, today: string): AdministrativeDocument {
  const t = translator("vi", "documents");
  const c = translator("vi", "documents.columns");
  const s = translator("vi", "documents.rankingAnnex");
  const fieldShare = 46 / Math.max(1, data.fields.length);
  const columns: Column[] = [
    { title: c("order"), width: 4, align: "center" },
    { title: c("agency"), width: 22 },
    ...data.fields.map((field) => ({ title: s("field", { code: field.code }), width: fieldShare, align: "right" as const })),
    { title: c("total"), width: 7, align: "right" },
    { title: c("percent"), width: 7, align: "right" },
    { title: c("rank"), width: 6, align: "center" },
    { title: c("classification"), width: 8 },
  ];
  const sections = annexSections(data.agencies);
  const rows = sections.flatMap(({ group, rows: members }) => [
    ...(sections.length > 1 || group !== null
      ? [{ cells: [group === null ? s("noGroup") : s("group", { group }), ...columns.slice(1).map(() => "")], strong: true }]
      : []),
    ...members.map((a, i) => ({
      cells: [
        String(i + 1),
        a.name,
        ...data.fields.map((field) => f.score(a.fieldPoints[field.id] ?? null)),
        f.score(a.finalTotal),
        f.score(percentOfMaximum(a)),
        data.published && a.rank !== null ? String(a.rank) : "",
        data.published ? (a.classification ?? "") : "",
      ],
    })),
  ]);
  const blocks: Block[] = [{ kind: "table", columns, rows }];
  blocks.push({
    kind: "paragraph",
    indent: false,
    runs: [{ text: s("fieldsNote", { fields: data.fields.map((field) => `${s("field", { code: field.code })}: ${field.name}`).join("; ") }), italic: true }],
  });
  if (!data.published) blocks.push({ kind: "paragraph", indent: false, runs: [{ text: s("notPublished"), italic: true }] });
  return {
    title: s("title", { year: data.year, province: data.provinceName }),
    landscape: true,
    parentBody: null,
    issuingBody: settings.peoplesCommittee,
    motto: null,
    number: null,
    placeAndDate: null,
    kind: t("kinds.annex"),
    subject: s("subject", { year: data.year }),
    reference: s("reference", { symbol: settings.symbols["ranking-annex"], issueYear: today.slice(0, 4), committee: settings.peoplesCommittee }),
    blocks,
    signature: null,
    recipients: null,
  };
}
