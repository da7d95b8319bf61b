// The migrated database must be exactly what schema.prisma describes (every model, field,
// column, type, nullability, enum and unique index), and migrations apply once, in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { migrate, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { createDatabase } from "../support/postgres";

type DmmfField = {
  name: string;
  dbName: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  nativeType: [string, string[]] | null;
};
type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
};
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; dbName: string | null; values: { name: string }[] }[] } };

const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))) as Dmmf;

/** The PostgreSQL type Prisma creates for a field, as information_schema names it. */
function expectedType(field: DmmfField): string {
  if (field.isList) return `ARRAY:_${expectedUdt(field)}`;
  if (field.kind === "enum") return `USER-DEFINED:${field.type}`;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case "String":
      return native === "VarChar" ? "character varying" : "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "DateTime":
      return native === "Date" ? "date" : "timestamp without time zone";
    case "Decimal":
      return `numeric(${(field.nativeType?.[1] ?? ["65", "30"]).join(",")})`;
    case "Json":
      return "jsonb";
    default:
      throw new Error(`type ${field.type} not handled by the drift test`);
  }
}
function expectedUdt(field: DmmfField): string {
  return { Int: "int4", String: "text", BigInt: "int8", Boolean: "bool" }[field.type] ?? field.type;
}

let url: string;
let client: pg.Client;
beforeAll(async () => {
  url = process.env.DATABASE_URL!;
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

describe("schema.prisma and the migrated database agree", () => {
  it("has one table per model and no other", async () => {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    expect(tables.rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort());
  });

  it("has every column with its type and nullability, and no other", async () => {
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      numeric_precision: number | null;
      numeric_scale: number | null;
    }>("SELECT * FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'");
    const actual = columns.rows
      .map((c) => {
        const type =
          c.data_type === "USER-DEFINED"
            ? `USER-DEFINED:${c.udt_name}`
            : c.data_type === "ARRAY"
              ? `ARRAY:${c.udt_name}`
              : c.data_type === "numeric"
                ? `numeric(${c.numeric_precision},${c.numeric_scale})`
                : c.data_type;
        return `${c.table_name}.${c.column_name} ${type} ${c.is_nullable === "YES" ? "NULL" : "NOT NULL"}`;
      })
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind !== "object")
          // Prisma creates scalar-list columns nullable.
          .map((f) => `${model.dbName ?? model.name}.${f.dbName ?? f.name} ${expectedType(f)} ${f.isRequired && !f.isList ? "NOT NULL" : "NULL"}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has every enum with its values", async () => {
    const enums = await client.query<{ typname: string; labels: string[] }>(
      "SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname",
    );
    const actual = Object.fromEntries(enums.rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has exactly the primary keys and unique indexes of the schema", async () => {
    const indexes = await client.query<{ table: string; columns: string[] }>(
      `SELECT t.relname AS table, array_agg(a.attname ORDER BY k.ord)::text[] AS columns
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE i.indisunique AND t.relname <> '_prisma_migrations'
        GROUP BY i.indexrelid, t.relname`,
    );
    const actual = indexes.rows.map((r) => `${r.table}(${r.columns.join(",")})`).sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) => {
        const column = (name: string) => {
          const field = model.fields.find((f) => f.name === name)!;
          return field.dbName ?? field.name;
        };
        const table = model.dbName ?? model.name;
        const keys = [
          ...(model.primaryKey ? [model.primaryKey.fields] : []),
          ...model.fields.filter((f) => f.isId).map((f) => [f.name]),
          ...model.fields.filter((f) => f.isUnique).map((f) => [f.name]),
          ...model.uniqueFields,
        ];
        return keys.map((fields) => `${table}(${fields.map(column).join(",")})`);
      })
      .sort();
    expect(actual).toEqual(expected);
  });
});

describe("migration runner", () => {
  it("records every migration in Prisma's table with its SHA-256 checksum", async () => {
    const rows = await client.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      "SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(url)).toEqual([]);
  });

  it("applies every migration on an empty database, in order", async () => {
    const empty = await createDatabase(inject("cluster"), { empty: true });
    expect(await migrate(empty)).toEqual(readMigrations().map((m) => m.name));
  });

  it("refuses to start when an applied migration was edited", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = readMigrations(dir)[0];
    fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration and records nothing", async () => {
    const empty = await createDatabase(inject("cluster"), { empty: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.mkdirSync(path.join(dir, "20000101000000_broken"));
    fs.writeFileSync(path.join(dir, "20000101000000_broken", "migration.sql"), "CREATE TABLE half_done (id int); SELECT * FROM missing_table;");
    await expect(migrate(empty, dir)).rejects.toThrow(/20000101000000_broken failed/);
    const check = new pg.Client({ connectionString: empty });
    await check.connect();
    const tables = await check.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    const recorded = await check.query("SELECT 1 FROM _prisma_migrations");
    await check.end();
    expect(tables.rowCount).toBe(0);
    expect(recorded.rowCount).toBe(0);
  });
});
