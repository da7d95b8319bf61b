// The periodic reports agencies send on a directive (quarterly, half-yearly, yearly as it
// requires): a new one, or a correction with the version read. Authorized with "task.report" on the
// directive's province through its lineage, for the reporting agency.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOnUnit } from "@/lib/auth/reach";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { isUniqueViolation, nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { formatCalendarDate, formatDateTime } from "@/lib/format";
import { vietnamToday } from "@/lib/time";
import { agenciesWithin, lineageLinks } from "@/lib/units/queries";
import { findPeriod, periodState } from "../rules";
import { reportSchema } from "../schema";

/**
 * An agency's report for one period the directive requires: a new one, or (with the version read)
 * a correction of the one it sent. Its head reports for their own agency only.
 */
export async function submitReport(actor: Actor, input: unknown, now = new Date()): Promise<{ id: number; version: number; created: boolean }> {
  const data = parseInput(reportSchema, input);
  const links = await lineageLinks();
  const directive = await db.directive.findUnique({ where: { id: data.directiveId } });
  if (!directive) throw new NotFoundError("Không tìm thấy văn bản: có thể đã bị xóa. Tải lại danh sách văn bản.");
  authorizeOnUnit(actor, "task.report", directive.provinceId, links, data.agencyId);
  const period = findPeriod(directive.reporting, directive.years, data.period);
  if (!period) {
    throw new ValidationError([
      { field: "period", message: `Văn bản ${directive.number} không yêu cầu báo cáo kỳ "${data.period}": chọn một kỳ trong danh sách.` },
    ]);
  }
  if (periodState(period, vietnamToday(now)) === "upcoming") {
    throw new ValidationError([
      {
        field: "period",
        message: `Kỳ báo cáo ${period.label} bắt đầu từ ${formatCalendarDate(new Date(`${period.start}T00:00:00Z`))}: chưa thể gửi báo cáo kỳ này.`,
      },
    ]);
  }
  const [agency] = await agenciesWithin(directive.provinceId, links, [data.agencyId]);
  if (!agency) throw new ValidationError([{ field: "agencyId", message: "Cơ quan báo cáo không thuộc tỉnh của văn bản." }]);
  const who = `${agency.name}, ${period.label}`;
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.periodicReport.findUnique({
        where: { directiveId_agencyId_period: { directiveId: directive.id, agencyId: agency.id, period: period.key } },
      });
      if (existing && data.version === null) {
        throw new ConflictError(
          `${who} đã có báo cáo gửi lúc ${formatDateTime(existing.submittedAt)}: tải lại trang để sửa báo cáo đó thay vì gửi báo cáo mới.`,
          {
            id: existing.id,
            version: existing.version,
            content: existing.content,
          },
        );
      }
      if (!existing) {
        if (data.version !== null) throw new NotFoundError("Báo cáo đang sửa không còn: tải lại trang.");
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
          new ConflictError(`Báo cáo ${who} vừa được người khác sửa; nội dung hiện tại: "${current.content}". Tải lại trang rồi sửa lại nếu vẫn cần.`, {
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
    if (isUniqueViolation(error)) throw new ConflictError(`${who} vừa có báo cáo được gửi cùng lúc: tải lại trang để xem.`, null);
    throw error;
  }
}
