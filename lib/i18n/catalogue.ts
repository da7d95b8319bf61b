// The message catalogue: one JSON file per domain (namespace) and language, in messages/<locale>/.
// Vietnamese is the reference: its shape is the type of every catalogue (types.ts), so English
// cannot lack a key without failing tsc, and tests/unit/i18n-catalogue.test.ts checks the rest
// (no extra or empty key, the same ICU arguments, every key used in code exists).
import type { NamespaceKeys, NestedKeyOf } from "next-intl";
import type { Locale } from "./config";
import enAdmin from "./messages/en/admin.json";
import enAssessments from "./messages/en/assessments.json";
import enAudit from "./messages/en/audit.json";
import enAuth from "./messages/en/auth.json";
import enCharts from "./messages/en/charts.json";
import enCommon from "./messages/en/common.json";
import enConsistency from "./messages/en/consistency.json";
import enCouncil from "./messages/en/council.json";
import enDashboards from "./messages/en/dashboards.json";
import enDirectives from "./messages/en/directives.json";
import enDocuments from "./messages/en/documents.json";
import enErrors from "./messages/en/errors.json";
import enFrameworks from "./messages/en/frameworks.json";
import enHome from "./messages/en/home.json";
import enPublic from "./messages/en/public.json";
import enRankings from "./messages/en/rankings.json";
import enResults from "./messages/en/results.json";
import enNotifications from "./messages/en/notifications.json";
import enNowcast from "./messages/en/nowcast.json";
import enOpenapi from "./messages/en/openapi.json";
import enScoring from "./messages/en/scoring.json";
import enUnits from "./messages/en/units.json";
import enWork from "./messages/en/work.json";
import viAdmin from "./messages/vi/admin.json";
import viAssessments from "./messages/vi/assessments.json";
import viAudit from "./messages/vi/audit.json";
import viAuth from "./messages/vi/auth.json";
import viCharts from "./messages/vi/charts.json";
import viCommon from "./messages/vi/common.json";
import viConsistency from "./messages/vi/consistency.json";
import viCouncil from "./messages/vi/council.json";
import viDashboards from "./messages/vi/dashboards.json";
import viDirectives from "./messages/vi/directives.json";
import viDocuments from "./messages/vi/documents.json";
import viErrors from "./messages/vi/errors.json";
import viFrameworks from "./messages/vi/frameworks.json";
import viHome from "./messages/vi/home.json";
import viPublic from "./messages/vi/public.json";
import viRankings from "./messages/vi/rankings.json";
import viResults from "./messages/vi/results.json";
import viNotifications from "./messages/vi/notifications.json";
import viNowcast from "./messages/vi/nowcast.json";
import viOpenapi from "./messages/vi/openapi.json";
import viScoring from "./messages/vi/scoring.json";
import viUnits from "./messages/vi/units.json";
import viWork from "./messages/vi/work.json";

const vi = {
  common: viCommon,
  charts: viCharts,
  auth: viAuth,
  home: viHome,
  public: viPublic,
  rankings: viRankings,
  units: viUnits,
  results: viResults,
  assessments: viAssessments,
  dashboards: viDashboards,
  directives: viDirectives,
  documents: viDocuments,
  frameworks: viFrameworks,
  audit: viAudit,
  admin: viAdmin,
  notifications: viNotifications,
  openapi: viOpenapi,
  scoring: viScoring,
  consistency: viConsistency,
  council: viCouncil,
  nowcast: viNowcast,
  errors: viErrors,
  work: viWork,
};

export type Messages = typeof vi;
/** A namespace or a part of one: "dashboards", "directives.taskStatus". */
export type MessagePath = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

const en: Messages = {
  common: enCommon,
  charts: enCharts,
  auth: enAuth,
  home: enHome,
  public: enPublic,
  rankings: enRankings,
  units: enUnits,
  results: enResults,
  assessments: enAssessments,
  dashboards: enDashboards,
  directives: enDirectives,
  documents: enDocuments,
  frameworks: enFrameworks,
  audit: enAudit,
  admin: enAdmin,
  notifications: enNotifications,
  openapi: enOpenapi,
  scoring: enScoring,
  consistency: enConsistency,
  council: enCouncil,
  nowcast: enNowcast,
  errors: enErrors,
  work: enWork,
};

export const MESSAGES: Record<Locale, Messages> = { vi, en };
export const NAMESPACES = Object.keys(vi) as (keyof Messages)[];

/**
 * Namespaces every page sends to the browser, for client components anywhere (form kit, error
 * page, charts). A page whose client components need more wraps them in <ClientMessages>.
 */
export const CLIENT_NAMESPACES = ["common", "charts"] as const satisfies readonly MessagePath[];

type Tree = { [key: string]: string | Tree };

/** The messages under some paths only, in their place in the tree: what a page sends to the browser. */
export function pickMessages(locale: Locale, paths: readonly MessagePath[]): Tree {
  const picked: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: string | Tree = MESSAGES[locale] as unknown as Tree;
    let into = picked;
    keys.forEach((key, i) => {
      from = (from as Tree)[key];
      if (i === keys.length - 1) into[key] = from;
      else {
        into[key] ??= {};
        into = into[key] as Tree;
      }
    });
  }
  return picked;
}
