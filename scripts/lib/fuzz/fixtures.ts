// What the API fuzz runs against, on a database seeded with the demo data: an open year of the
// An Giang internal framework (Sở Tư pháp self-scoring, Sở Nội vụ waiting for appraisal), an
// evidence file and a directive attachment, so that generated requests reach the rules behind
// the parsing. Written with Prisma directly (no lib module: scripts/fuzz-api.ts runs outside
// the react-server condition that lib's server-only modules need). Also: the fingerprint that
// tells whether a request changed the database.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Known } from "./api-catalogue";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
export const FUZZ_YEAR = 2030;

async function storeFile(db: PrismaClient, evidenceDir: string, fileName: string, owner: { criterionScoreId: number } | { directiveId: number }) {
  const storageKey = `fuzz/${crypto.randomUUID()}.pdf`;
  fs.mkdirSync(path.join(evidenceDir, "fuzz"), { recursive: true });
  fs.writeFileSync(path.join(evidenceDir, storageKey), PDF);
  const sha256 = crypto.createHash("sha256").update(PDF).digest("hex");
  return db.storedFile.create({ data: { storageKey, fileName, contentType: "application/pdf", sizeBytes: PDF.length, sha256, ...owner } });
}

export async function prepareFuzzData(db: PrismaClient, evidenceDir: string): Promise<Known> {
  const province = await db.province.findFirstOrThrow({ where: { code: "91", validTo: null } });
  const framework = await db.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const agencies = await db.agency.findMany({
    where: { provinceId: province.id, code: { in: ["STP", "SNV"] } },
    orderBy: { code: "desc" },
  });
  const leaves = await db.criterion.findMany({
    where: { frameworkId: framework.id, level: "SUB_CRITERION" },
    orderBy: { sortOrder: "asc" },
  });

  const period = await db.assessmentPeriod.create({
    data: { provinceId: province.id, frameworkId: framework.id, year: FUZZ_YEAR, selfScoringDeadline: new Date("2099-12-31T16:59:59Z") },
  });
  const assessments = [];
  for (const agency of agencies) {
    const submitted = agency.code === "SNV";
    assessments.push(
      await db.assessment.create({
        data: {
          periodId: period.id,
          agencyId: agency.id,
          status: submitted ? "SUBMITTED" : "DRAFT",
          submittedAt: submitted ? new Date() : null,
          scores: { create: leaves.map((leaf) => ({ criterionId: leaf.id, selfScore: submitted ? 0 : null })) },
        },
        include: { scores: { orderBy: { id: "asc" } } },
      }),
    );
  }
  const own = assessments.find((a) => a.agencyId === agencies.find((g) => g.code === "STP")!.id)!;
  const evidence = await storeFile(db, evidenceDir, "minh-chung.pdf", { criterionScoreId: own.scores[0].id });
  const directive =
    (await db.directive.findFirst({ where: { provinceId: province.id }, orderBy: { id: "asc" } })) ??
    (await db.directive.findFirstOrThrow({ orderBy: { id: "asc" } }));
  const attachment = await storeFile(db, evidenceDir, "van-ban.pdf", { directiveId: directive.id });

  const locked = await db.assessmentPeriod.findMany({
    where: { status: "PUBLISHED" },
    include: { assessments: { include: { scores: { take: 5 } } } },
  });
  const frameworks = await db.framework.findMany({ select: { id: true, ownerProvinceId: true } });
  const directives = await db.directive.findMany({ select: { id: true }, take: 20, orderBy: { id: "asc" } });
  return {
    criterionScores: assessments.flatMap((a) => a.scores.map((s) => s.id)),
    lockedCriterionScores: locked.flatMap((p) => p.assessments.flatMap((a) => a.scores.map((s) => s.id))),
    periods: [period.id],
    lockedPeriods: locked.map((p) => p.id),
    assessments: [...assessments.map((a) => a.id), ...locked.flatMap((p) => p.assessments.map((a) => a.id)).slice(0, 3)],
    frameworks: frameworks.map((f) => f.id),
    foreignFrameworks: frameworks.filter((f) => f.ownerProvinceId === null).map((f) => f.id),
    directives: directives.map((d) => d.id),
    evidence: [evidence.id],
    directiveFiles: [attachment.id],
  };
}

/**
 * A digest of the tables' content. The audit log only grows, so its row count and last id stand
 * for it (hashing it would slow every request down as it grows).
 */
export async function fingerprint(db: PrismaClient, tables: readonly string[]): Promise<string> {
  // A route that reads no table (the OpenAPI document) has nothing to change.
  if (tables.length === 0) return "";
  const parts = tables.map((table) =>
    table === "audit_log"
      ? `(SELECT count(*) || ':' || coalesce(max(id), 0) FROM audit_log)`
      : `(SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM "${table.replace(/\W/g, "")}" t)`,
  );
  const rows = await db.$queryRawUnsafe<{ digest: string }[]>(`SELECT concat_ws('|', ${parts.join(", ")}) AS digest`);
  return rows[0].digest;
}
