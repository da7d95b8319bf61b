// The directive model's values. Kind names are read from the catalogue in the request's language
// (errors.directives.kinds, equal to the pages' directives.kinds: a test keeps both equal). A link's
// relation and a target's unit are stored in Vietnamese, the catalogue's own words.
import type { DirectiveKind } from "@/lib/db/generated/enums";
import { catalogueRecord, libTranslator } from "@/lib/i18n/lib-translator";
import viErrors from "@/lib/i18n/messages/vi/errors.json";
import { DIRECTIVE_KINDS, REPORTING_KINDS, type ReportingKind } from "./kinds";

export { DIRECTIVE_KINDS, REPORTING_KINDS, type ReportingKind };

export const DIRECTIVE_KIND_LABELS: Readonly<Record<DirectiveKind, string>> = catalogueRecord(DIRECTIVE_KINDS, (kind) =>
  libTranslator("errors.directives.kinds")(kind),
);

/** The units a MIN_SCORE target is stated in, as stored (Target.unit): points, or a percentage. */
export const TARGET_UNITS = { points: viErrors.targets.units.points, percent: "%" } as const;

const RELATIONS = ["implements", "basedOn", "replaces", "amends", "related"] as const;
type Relation = (typeof RELATIONS)[number];

/** The relations: their code, and their name as stored (DirectiveLink.relation): "Triển khai", "Căn cứ", … */
export const LINK_RELATIONS = RELATIONS.map((code) => ({ code, name: viErrors.directives.relations[code].name }));
export const LINK_RELATION_NAMES: string[] = LINK_RELATIONS.map((relation) => relation.name);
const RELATION_BY_NAME = new Map<string, Relation>(RELATIONS.map((relation) => [viErrors.directives.relations[relation].name, relation]));

/** How a link reads from each end: 1020/UBND-TH "triển khai" 733/UBND-TH, which is "được triển khai bởi" 1020. */
export function relationText(relation: string, direction: "from" | "to"): string {
  const known = RELATION_BY_NAME.get(relation);
  if (!known) return relation;
  return libTranslator("errors.directives.relations")(`${known}.${direction === "from" ? "forward" : "backward"}`);
}
