// Reading the audit log ("audit.read"): administrators read every row; Home Affairs staff the
// rows of their province and of the old units it was formed from in 2025, whose records it keeps
// (lib/auth/reach.ts, as for published results and directives). Rows of no province (national frameworks,
// accounts) are an administrator's.
import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { authorizeOnUnit, authorizeOwnProvince, reachedUnits } from "@/lib/auth/reach";
import { db, Prisma } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { compareVietnamese, formatDateTimeSeconds } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { messageLocale } from "@/lib/i18n/message-locale";
import { translator } from "@/lib/i18n/translator";
import { addDays, startOfVietnamDay } from "@/lib/time";
import type { Cell } from "@/lib/io/table-file";
import { lineageLinks } from "@/lib/units/queries";
import { unitAndPredecessors, unitLabel } from "@/lib/units/lineage";
import type { AuditFilters } from "./schema";
import { actionLabel, auditChanges, changesText, entityLabel, type AuditChanges } from "./view";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";

export const AUDIT_PAGE_SIZE = 50;
/** An export larger than this asks for narrower filters (an XLSX of 100,000 rows is about 10 MB). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** The provinces whose rows the actor reads (null: every row), after checking a requested province. */
async function visibleProvinces(actor: Actor | null, requested: number | undefined): Promise<number[] | null> {
  const links = await lineageLinks();
  if (requested !== undefined) {
    // A unit the actor's province was formed from is within reach through the lineage.
    authorizeOnUnit(actor, "audit.read", requested, links);
    return unitAndPredecessors(requested, links);
  }
  authorizeOwnProvince(actor, "audit.read");
  // Rows of no province need the permission everywhere.
  return reachedUnits(actor, "audit.read", links);
}

function whereOf(filters: AuditFilters, provinces: number[] | null): Prisma.AuditLogWhereInput {
  return {
    ...(provinces ? { provinceId: { in: provinces } } : {}),
    ...(filters.user ? { actorEmail: filters.user } : {}),
    ...(filters.entity ? { entityType: filters.entity } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from || filters.to
      ? {
          at: {
            ...(filters.from ? { gte: startOfVietnamDay(filters.from) } : {}),
            ...(filters.to ? { lt: startOfVietnamDay(addDays(filters.to, 1)) } : {}),
          },
        }
      : {}),
  };
}

export type AuditRowView = {
  id: string;
  at: Date;
  actorEmail: string;
  actorName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityLabel: string;
  entityId: string;
  provinceName: string | null;
  changes: AuditChanges;
};

const rowInclude = { actor: { select: { name: true } } } as const;
type AuditRecord = Prisma.AuditLogGetPayload<{ include: typeof rowInclude }>;

function view(row: AuditRecord, provinceNames: Map<number, string>): AuditRowView {
  return {
    id: row.id.toString(),
    at: row.at,
    actorEmail: row.actorEmail,
    actorName: row.actor?.name ?? null,
    action: row.action,
    actionLabel: actionLabel(row.action),
    entityType: row.entityType,
    entityLabel: entityLabel(row.entityType),
    entityId: row.entityId,
    provinceName: row.provinceId === null ? null : (provinceNames.get(row.provinceId) ?? null),
    changes: auditChanges(row.oldValue, row.newValue),
  };
}

/** "An Giang (từ 01/07/2025)": a unit's name, with the dates that tell it from another unit of the same name. */
async function provinceNames(ids: Iterable<number>): Promise<Map<number, string>> {
  const units = await db.province.findMany({ where: { id: { in: [...new Set(ids)] } } });
  return new Map(units.map((u) => [u.id, unitLabel(u)]));
}

export type AuditPage = {
  rows: AuditRowView[];
  total: number;
  page: number;
  pageCount: number;
  /** Whose rows these are: null for every row (an administrator without a province filter). */
  scope: string | null;
  options: {
    users: { email: string; name: string | null }[];
    entities: { value: string; label: string }[];
    provinces: { id: number; name: string }[];
  };
};

export async function listAudit(actor: Actor | null, filters: AuditFilters): Promise<AuditPage> {
  const provinces = await visibleProvinces(actor, filters.provinceId);
  const everywhere = can(actor!, "audit.read", { provinceId: null });
  const where = whereOf(filters, provinces);
  const inScope: Prisma.AuditLogWhereInput = provinces ? { provinceId: { in: provinces } } : {};
  const [total, users, entities, choices] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.groupBy({ by: ["actorEmail"], where: inScope, orderBy: { actorEmail: "asc" } }),
    db.auditLog.groupBy({ by: ["entityType"], where: inScope, orderBy: { entityType: "asc" } }),
    // Administrators choose among the provinces that have rows; Home Affairs staff among their
    // province and the old units it was formed from.
    everywhere
      ? db.auditLog.groupBy({ by: ["provinceId"], where: { provinceId: { not: null } } }).then((groups) => groups.map((g) => g.provinceId!))
      : lineageLinks().then((links) => unitAndPredecessors(actor!.provinceId!, links)),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = await db.auditLog.findMany({
    where,
    include: rowInclude,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const names = await provinceNames([...rows.flatMap((r) => (r.provinceId === null ? [] : [r.provinceId])), ...choices, ...(provinces ?? [])]);
  const people = await db.user.findMany({ where: { email: { in: users.map((u) => u.actorEmail) } }, select: { email: true, name: true } });
  const nameOf = new Map(people.map((u) => [u.email, u.name]));
  return {
    rows: rows.map((row) => view(row, names)),
    total,
    page,
    pageCount,
    scope: provinces ? provinces.map((id) => names.get(id) ?? `#${id}`).join(", ") : null,
    options: {
      users: users.map((u) => ({ email: u.actorEmail, name: nameOf.get(u.actorEmail) ?? null })),
      entities: entities.map((e) => ({ value: e.entityType, label: entityLabel(e.entityType) })),
      provinces: choices.map((id) => ({ id, name: names.get(id) ?? `#${id}` })).sort((a, b) => compareVietnamese(a.name, b.name)),
    },
  };
}

const AUDIT_FILE_COLUMNS = ["at", "actor", "action", "actionCode", "entity", "entityId", "province", "changes", "oldValue", "newValue"] as const;

/** The export's headings in `locale` (the JSON values and action codes stay as stored). */
export function auditExportColumns(locale: Locale): string[] {
  const t = translator(locale, "audit.file");
  return AUDIT_FILE_COLUMNS.map((column) => t(`columns.${column}`));
}

/** Rows read from the database at a time while an export streams. */
const EXPORT_BATCH_ROWS = 250;
/** What one export may weigh (the text of its cells); a larger one asks for narrower filters. */
export const AUDIT_EXPORT_MAX_BYTES = Number(process.env.AUDIT_EXPORT_MAX_BYTES ?? 100 * 1024 * 1024);
// The columns besides the two JSON values: time, person, labels, ids, the change (an estimate per row).
const ROW_BYTES_BESIDES_VALUES = 300;

/** The same filters as whereOf, as SQL: the size of an export is measured before it starts. */
function whereSql(filters: AuditFilters, provinces: number[] | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (provinces) parts.push(Prisma.sql`province_id = ANY(${provinces}::int[])`);
  if (filters.user) parts.push(Prisma.sql`actor_email = ${filters.user}`);
  if (filters.entity) parts.push(Prisma.sql`entity_type = ${filters.entity}`);
  if (filters.entityId) parts.push(Prisma.sql`entity_id = ${filters.entityId}`);
  if (filters.from) parts.push(Prisma.sql`at >= ${startOfVietnamDay(filters.from)}`);
  if (filters.to) parts.push(Prisma.sql`at < ${startOfVietnamDay(addDays(filters.to, 1))}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The matching rows as a spreadsheet's rows, read and written a batch at a time (the file is
 * streamed: memory stays bounded and the server keeps answering whatever the size). The rows
 * and the size are counted first, so that an export too large for one file is refused before
 * anything is sent; rows written after that count are not part of the file.
 */
export async function auditExport(actor: Actor | null, filters: AuditFilters) {
  const provinces = await visibleProvinces(actor, filters.provinceId);
  const [{ rows: total, bytes, last }] = await db.$queryRaw<{ rows: number; bytes: number; last: bigint | null }[]>`
    SELECT count(*)::int AS rows,
           coalesce(sum(octet_length(old_value::text)), 0)::float8 + coalesce(sum(octet_length(new_value::text)), 0)::float8 AS bytes,
           max(id) AS last
      FROM audit_log WHERE ${whereSql(filters, provinces)}`;
  if (total > AUDIT_EXPORT_MAX_ROWS) {
    throw new ValidationError([
      {
        message: libTranslator("errors.audit")("tooManyRows", { total: libFormat().integer(total), max: libFormat().integer(AUDIT_EXPORT_MAX_ROWS) }),
      },
    ]);
  }
  const size = bytes + total * ROW_BYTES_BESIDES_VALUES;
  if (size > AUDIT_EXPORT_MAX_BYTES) {
    const mb = (n: number) => libFormat().integer(Math.ceil(n / 1024 / 1024));
    throw new ValidationError([
      {
        message: libTranslator("errors.audit")("tooLarge", { size: mb(size), max: mb(AUDIT_EXPORT_MAX_BYTES) }),
      },
    ]);
  }
  const where: Prisma.AuditLogWhereInput = { AND: [whereOf(filters, provinces), { id: { lte: last ?? 0n } }] };
  const names = new Map<number, string>();
  async function* batches(): AsyncGenerator<Cell[][]> {
    let cursor: bigint | null = null;
    for (;;) {
      const records: AuditRecord[] = await db.auditLog.findMany({
        where,
        include: rowInclude,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: EXPORT_BATCH_ROWS,
        ...(cursor !== null ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (records.length === 0) return;
      const missing = records.flatMap((r) => (r.provinceId !== null && !names.has(r.provinceId) ? [r.provinceId] : []));
      if (missing.length > 0) for (const [id, name] of await provinceNames(missing)) names.set(id, name);
      yield records.map((record) => {
        const row = view(record, names);
        return [
          formatDateTimeSeconds(row.at),
          row.actorName ? `${row.actorName} <${row.actorEmail}>` : row.actorEmail,
          row.actionLabel,
          row.action,
          row.entityLabel,
          row.entityId,
          row.provinceName,
          changesText(row.changes),
          record.oldValue === null ? null : JSON.stringify(record.oldValue),
          record.newValue === null ? null : JSON.stringify(record.newValue),
        ];
      });
      if (records.length < EXPORT_BATCH_ROWS) return;
      cursor = records[records.length - 1].id;
    }
  }
  const stamp = [filters.from, filters.to].filter(Boolean).join("_") || new Date().toISOString().slice(0, 10);
  // Headed for people in the request's language (read now: the file streams after the handler returns).
  const locale = messageLocale();
  const sheetName = translator(locale, "audit.file")("sheet");
  return { columns: auditExportColumns(locale), batches, fileName: `nhat-ky-thay-doi-${stamp}`, sheetName, locale };
}
