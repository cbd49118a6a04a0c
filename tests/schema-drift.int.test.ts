import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/get-dmmf";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";

// schema.prisma is what the application believes; the SQL migrations are what the database is.
// This test compares the two so neither can drift without a failing build.

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamptz",
  Json: "jsonb",
  Float: "float8",
  Decimal: "numeric",
};
const NATIVE_TYPES: Record<string, string> = { Uuid: "uuid", Date: "date", Timestamptz: "timestamptz", Text: "text" };

type Column = { type: string; nullable: boolean; hasDefault: boolean };

function expectedModel() {
  const dmmf = getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
  if ("error" in dmmf) throw new Error(String(dmmf.error));
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.dbName ?? v.name)]));
  const tables = new Map<string, Map<string, Column>>();
  const uniques = new Set<string>();
  const foreignKeys = new Set<string>();
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const columnOf = (field: string) => {
      const f = model.fields.find((x) => x.name === field);
      return f?.dbName ?? field;
    };
    const columns = new Map<string, Column>();
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = dmmf.datamodel.models.find((m) => m.name === field.type);
          foreignKeys.add(`${table}(${field.relationFromFields.map(columnOf).join(",")})->${target?.dbName ?? field.type}`);
        }
        continue;
      }
      const native = Array.isArray(field.nativeType) ? NATIVE_TYPES[field.nativeType[0] as string] : undefined;
      const base = field.kind === "enum" ? field.type : (native ?? SCALAR_TYPES[field.type] ?? `?${field.type}`);
      columns.set(field.dbName ?? field.name, {
        type: field.isList ? `_${base}` : base,
        // Prisma creates list columns without NOT NULL.
        nullable: field.isList ? true : !field.isRequired,
        hasDefault: field.hasDefaultValue || field.isUpdatedAt ? field.hasDefaultValue : false,
      });
      if (field.isUnique) uniques.add(`${table}(${field.dbName ?? field.name})`);
    }
    for (const unique of model.uniqueFields) uniques.add(`${table}(${unique.map(columnOf).join(",")})`);
    tables.set(table, columns);
  }
  return { enums, tables, uniques, foreignKeys };
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
afterAll(() => pool.end());

async function actualModel() {
  const columns = await pool.query<{
    table_name: string;
    column_name: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `SELECT table_name, column_name, udt_name, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> 'shipshape_migrations' ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, Map<string, Column>>();
  for (const c of columns.rows) {
    const table = tables.get(c.table_name) ?? new Map<string, Column>();
    table.set(c.column_name, { type: c.udt_name, nullable: c.is_nullable === "YES", hasDefault: c.column_default !== null });
    tables.set(c.table_name, table);
  }
  const enumRows = await pool.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
  );
  const uniqueRows = await pool.query<{ def: string }>(
    `SELECT c.relname || '(' || string_agg(a.attname, ',' ORDER BY k.ord) || ')' AS def
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisunique AND NOT i.indisprimary AND c.relname <> 'shipshape_migrations'
     GROUP BY i.indexrelid, c.relname`,
  );
  const fkRows = await pool.query<{ def: string }>(
    `SELECT c.conrelid::regclass::text || '(' ||
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) || ')->' || c.confrelid::regclass::text AS def
     FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  return {
    tables,
    enums: new Map(enumRows.rows.map((r) => [r.name, r.values])),
    uniques: new Set(uniqueRows.rows.map((r) => r.def)),
    foreignKeys: new Set(fkRows.rows.map((r) => r.def)),
  };
}

describe("schema.prisma and the migrated database", () => {
  it("have the same tables and columns, types, nullability and defaults", async () => {
    const expected = expectedModel();
    const actual = await actualModel();
    expect([...actual.tables.keys()].sort()).toEqual([...expected.tables.keys()].sort());
    for (const [table, columns] of expected.tables) {
      const real = actual.tables.get(table);
      expect(real, `table ${table}`).toBeDefined();
      expect([...(real?.keys() ?? [])].sort(), `columns of ${table}`).toEqual([...columns.keys()].sort());
      for (const [name, column] of columns) {
        const got = real?.get(name);
        expect({ column: `${table}.${name}`, type: got?.type, nullable: got?.nullable }).toEqual({
          column: `${table}.${name}`,
          type: column.type,
          nullable: column.nullable,
        });
        if (column.hasDefault) expect(got?.hasDefault, `${table}.${name} has a default`).toBe(true);
      }
    }
  });

  it("have the same enums with the same values in the same order", async () => {
    const expected = expectedModel();
    const actual = await actualModel();
    expect(Object.fromEntries(actual.enums)).toEqual(Object.fromEntries(expected.enums));
  });

  it("have the same unique constraints and foreign keys", async () => {
    const expected = expectedModel();
    const actual = await actualModel();
    expect([...actual.uniques].sort()).toEqual([...expected.uniques].sort());
    expect([...actual.foreignKeys].sort()).toEqual([...expected.foreignKeys].sort());
  });
});
