// The periodic reports agencies send on a directive (quarterly, half-yearly, yearly as it
// requires): a new one, or a correction with the version read. Authorized with "task.report" on the
// directive's province through its lineage, for the reporting agency.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOnUnit } from "@/lib/auth/reach";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { isUniqueViolation, nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { type NewNotification, notifyInBatches } from "@/lib/notifications/mutations";
import { currentYearInVietnam, vietnamToday } from "@/lib/time";
import { agenciesWithin, lineageLinks } from "@/lib/units/queries";
import { findPeriod, periodState } from "../rules";
import { reportSchema } from "../schema";
import { missingReports, reportReminders } from "./reminders";

const t = () => libTranslator("errors.reports");

/**
 * An agency's report for one period the directive requires: a new one, or (with the version read)
 * a correction of the one it sent. Its head reports for their own agency only.
 */
export async function submitReport(actor: Actor, input: unknown, now = new Date()): Promise<{ id: number; version: number; created: boolean }> {
  const data = parseInput(reportSchema, input);
  const links = await lineageLinks();
  const directive = await db.directive.findUnique({ where: { id: data.directiveId } });
  if (!directive) throw new NotFoundError(libTranslator("errors.directives")("notFound"));
  authorizeOnUnit(actor, "task.report", directive.provinceId, links, data.agencyId);
  const period = findPeriod(directive.reporting, directive.years, data.period);
  if (!period) {
    throw new ValidationError([{ field: "period", message: t()("periodNotRequired", { number: directive.number, period: data.period }) }]);
  }
  if (periodState(period, vietnamToday(now)) === "upcoming") {
    throw new ValidationError([
      {
        field: "period",
        message: t()("periodUpcoming", { period: period.label, day: libFormat().day(period.start) }),
      },
    ]);
  }
  const [agency] = await agenciesWithin(directive.provinceId, links, [data.agencyId]);
  if (!agency) throw new ValidationError([{ field: "agencyId", message: t()("agencyOutside") }]);
  const who = t()("who", { agency: agency.name, period: period.label });
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.periodicReport.findUnique({
        where: { directiveId_agencyId_period: { directiveId: directive.id, agencyId: agency.id, period: period.key } },
      });
      if (existing && data.version === null) {
        throw new ConflictError(t()("alreadySent", { who, at: libFormat().dateTime(existing.submittedAt) }), {
          id: existing.id,
          version: existing.version,
          content: existing.content,
        });
      }
      if (!existing) {
        if (data.version !== null) throw new NotFoundError(t()("gone"));
        const created = await tx.periodicReport.create({
          data: {
            directiveId: directive.id,
            agencyId: agency.id,
            period: period.key,
            content: data.content,
            submittedById: actor.id,
            submittedAt: now,
          },
        });
        await writeAudit(tx, actor, {
          action: "report.submit",
          entityType: "PeriodicReport",
          entityId: created.id,
          provinceId: directive.provinceId,
          newValue: { directive: directive.number, agency: agency.code, period: period.key, content: data.content },
        });
        return { id: created.id, version: created.version, created: true };
      }
      const correction = { content: data.content, submittedById: actor.id, submittedAt: now };
      await writeVersioned({ id: existing.id, version: data.version! }, (where) => tx.periodicReport.updateMany({ where, data: nextVersion(correction) }), {
        current: () => tx.periodicReport.findUnique({ where: { id: existing.id } }),
        conflict: (current) =>
          new ConflictError(t()("conflict", { who, content: current.content }), {
            id: current.id,
            version: current.version,
            content: current.content,
          }),
      });
      await writeAudit(tx, actor, {
        action: "report.update",
        entityType: "PeriodicReport",
        entityId: existing.id,
        provinceId: directive.provinceId,
        oldValue: {
          directive: directive.number,
          agency: agency.code,
          period: period.key,
          content: existing.content,
          version: existing.version,
        },
        newValue: {
          directive: directive.number,
          agency: agency.code,
          period: period.key,
          content: data.content,
          version: existing.version + 1,
        },
      });
      return { id: existing.id, version: existing.version + 1, created: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(t()("sentMeanwhile", { who }), null);
    throw error;
  }
}

/**
 * Part of the deadline scan: reminders of periodic reports to the heads of the agencies that owe
 * them (3 days before the period ends, then overdue), and one summary of the agencies missing per
 * directive and period to the province's Home Affairs staff. Only directives of this year or the
 * last (a report of December is overdue in January); heads and reporting agencies as they are now,
 * so a head who left or an agency whose task was cancelled is told nothing.
 */
export async function scanReportDeadlines(client: PrismaClient, now = new Date()): Promise<{ notifications: number }> {
  const year = currentYearInVietnam(now);
  const agency = { select: { id: true, name: true } };
  const directives = await client.directive.findMany({
    where: { years: { hasSome: [year - 1, year] }, NOT: { reporting: { isEmpty: true } } },
    select: {
      id: true,
      number: true,
      provinceId: true,
      reporting: true,
      years: true,
      tasks: { select: { status: true, leadAgency: agency, coAgencies: { select: { agency } } } },
      targets: { select: { agency } },
      reports: { select: { agencyId: true, period: true } },
    },
  });
  const due = directives.map((directive) => ({ directive, reminders: reportReminders(directive, now) })).filter((d) => d.reminders.length > 0);
  const agencyIds = [...new Set(due.flatMap((d) => d.reminders.map((r) => r.agency.id)))];
  const provinceIds = [
    ...new Set(due.flatMap((d) => (d.directive.provinceId !== null && missingReports(d.reminders).length > 0 ? [d.directive.provinceId] : []))),
  ];
  const [heads, staff] = await Promise.all([
    client.user.findMany({ where: { role: "AGENCY_HEAD", active: true, agencyId: { in: agencyIds } }, select: { id: true, agencyId: true } }),
    client.user.findMany({ where: { role: "HOME_AFFAIRS", active: true, provinceId: { in: provinceIds } }, select: { id: true, provinceId: true } }),
  ]);
  const rows: NewNotification[] = [];
  for (const { directive, reminders } of due) {
    for (const r of reminders) {
      const params = { directive: directive.number, reportPeriod: r.period.key, deadline: r.deadline.toISOString(), agency: r.agency.name };
      for (const head of heads.filter((h) => h.agencyId === r.agency.id)) {
        rows.push({
          userId: head.id,
          kind: "reportDue",
          subject: `report:${directive.id}:${r.period.key}:${r.agency.id}`,
          threshold: r.threshold,
          params,
          link: `/van-ban/${directive.id}#reports-heading`,
        });
      }
    }
    for (const missing of missingReports(reminders)) {
      const params = {
        directive: directive.number,
        reportPeriod: missing.period.key,
        deadline: missing.deadline.toISOString(),
        count: missing.agencies.length,
        agencies: missing.agencies.join(", "),
      };
      for (const officer of staff.filter((s) => s.provinceId === directive.provinceId)) {
        rows.push({
          userId: officer.id,
          kind: "reportsMissing",
          subject: `report:${directive.id}:${missing.period.key}:missing`,
          threshold: "passed",
          params,
          link: `/van-ban/${directive.id}/bao-cao?ky=${missing.period.key}`,
        });
      }
    }
  }
  return { notifications: await notifyInBatches(client, rows, now) };
}
