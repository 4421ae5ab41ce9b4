import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/internals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import {
  MIGRATIONS_DIR,
  openRawTestDatabase,
  type RawTestDatabase,
  SCHEMA_PATH,
  TEST_DRIVERS,
} from "./testing";

/**
 * The migrations create exactly what prisma/schema.prisma describes: the schema is read with
 * Prisma's own parser (getDMMF, WebAssembly) and compared with what the database reports after
 * migrating — tables, columns, types, nullability, defaults, keys, unique indexes, foreign keys.
 */

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type DmmfModel = Dmmf["datamodel"]["models"][number];
type DmmfField = DmmfModel["fields"][number];

/** How information_schema names the column type Prisma creates for a scalar without @db.*. */
const POSTGRES_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  Decimal: "numeric",
  Bytes: "bytea",
  Json: "jsonb",
  DateTime: "timestamp without time zone(3)",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

interface Column {
  column: string;
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

interface ForeignKey {
  columns: string[];
  references: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

interface TableShape {
  columns: Column[];
  primaryKey: string[];
  uniqueIndexes: string[][];
  otherIndexes: string[][];
  foreignKeys: ForeignKey[];
}

const byName = (a: string, b: string): number => a.localeCompare(b);
const byJson = (a: unknown, b: unknown): number => JSON.stringify(a).localeCompare(JSON.stringify(b));

function expectedShapes(dmmf: Dmmf): Record<string, TableShape> {
  const models = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
  const tableOf = (modelName: string): string => {
    const model = models.get(modelName);
    if (!model) throw new Error(`unknown model ${modelName}`);
    return model.dbName ?? model.name;
  };
  const columnOf = (model: DmmfModel, fieldName: string): string => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`unknown field ${model.name}.${fieldName}`);
    return field.dbName ?? field.name;
  };
  const indexesOf = (model: DmmfModel, type: string): string[][] =>
    dmmf.datamodel.indexes
      .filter((index) => index.model === model.name && index.type === type)
      .map((index) => index.fields.map((field) => columnOf(model, field.name)));

  const shapes: Record<string, TableShape> = {};
  for (const model of dmmf.datamodel.models) {
    const scalars = model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
    const relations = model.fields.filter(
      (field): field is DmmfField & { relationFromFields: string[]; relationToFields: string[] } =>
        field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0,
    );
    shapes[tableOf(model.name)] = {
      columns: scalars
        .map((field) => {
          const type = POSTGRES_TYPES[field.type];
          if (!type || field.isList || field.nativeType) {
            throw new Error(`extend POSTGRES_TYPES for ${model.name}.${field.name} (${field.type})`);
          }
          return {
            column: field.dbName ?? field.name,
            type,
            nullable: !field.isRequired,
            hasDefault: field.hasDefaultValue,
          };
        })
        .sort((a, b) => byName(a.column, b.column)),
      primaryKey: indexesOf(model, "id")[0] ?? [],
      uniqueIndexes: indexesOf(model, "unique").sort(byJson),
      otherIndexes: indexesOf(model, "normal").sort(byJson),
      foreignKeys: relations
        .map((field) => {
          const target = models.get(field.type);
          if (!target) throw new Error(`unknown model ${field.type}`);
          return {
            columns: field.relationFromFields.map((name) => columnOf(model, name)),
            references: tableOf(field.type),
            referencedColumns: field.relationToFields.map((name) => columnOf(target, name)),
            // Prisma's defaults: Restrict for a required relation, SetNull for an optional one.
            onDelete:
              REFERENTIAL_ACTIONS[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")] ??
              "?",
            onUpdate: "CASCADE",
          };
        })
        .sort(byJson),
    };
  }
  return shapes;
}

async function actualShapes(database: RawTestDatabase): Promise<Record<string, TableShape>> {
  const tables = await database.query<{ table: string }>(
    `SELECT table_name::text AS "table" FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const shapes: Record<string, TableShape> = {};
  for (const { table } of tables) {
    const columns = await database.query<{
      column: string;
      type: string;
      nullable: boolean;
      hasDefault: boolean;
    }>(
      `SELECT column_name::text AS "column",
              data_type::text || CASE WHEN data_type LIKE 'timestamp%'
                                      THEN '(' || datetime_precision || ')' ELSE '' END AS "type",
              is_nullable = 'YES' AS nullable,
              column_default IS NOT NULL AS "hasDefault"
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1
        ORDER BY column_name`,
      [table],
    );
    const primaryKey = await database.query<{ column: string }>(
      `SELECT k.column_name::text AS "column"
         FROM information_schema.table_constraints c
         JOIN information_schema.key_column_usage k
           ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
        WHERE c.table_schema = 'public' AND c.table_name = $1 AND c.constraint_type = 'PRIMARY KEY'
        ORDER BY k.ordinal_position`,
      [table],
    );
    // Prisma makes @@unique a unique index, which information_schema does not list: read pg_index.
    const indexes = await database.query<{ columns: string[]; unique: boolean }>(
      `SELECT array_agg(a.attname::text ORDER BY k.position) AS columns, i.indisunique AS "unique"
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND t.relname = $1 AND NOT i.indisprimary
        GROUP BY i.indexrelid, i.indisunique`,
      [table],
    );
    // From pg_constraint, not information_schema: a foreign key that references a unique index
    // (as Prisma makes for @@unique) has no unique constraint for information_schema to name.
    const foreignKeys = await database.query<ForeignKey & { name: string }>(
      `SELECT c.conname::text AS name,
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                     ORDER BY k.position) AS columns,
              f.relname::text AS "references",
              array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
                     ORDER BY k.position) AS "referencedColumns",
              ${FK_ACTION("c.confdeltype")} AS "onDelete",
              ${FK_ACTION("c.confupdtype")} AS "onUpdate"
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_class f ON f.oid = c.confrelid
        WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname = $1`,
      [table],
    );
    shapes[table] = {
      columns: columns.map((column) => ({ ...column })),
      primaryKey: primaryKey.map((row) => row.column),
      uniqueIndexes: indexes
        .filter((index) => index.unique)
        .map((index) => index.columns)
        .sort(byJson),
      otherIndexes: indexes
        .filter((index) => !index.unique)
        .map((index) => index.columns)
        .sort(byJson),
      foreignKeys: foreignKeys.map(({ name: _name, ...foreignKey }) => foreignKey).sort(byJson),
    };
  }
  return shapes;
}

/** pg_constraint's one-letter referential action, as information_schema spells it. */
function FK_ACTION(column: string): string {
  return `CASE ${column} WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL'
            WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END`;
}

let dmmf: Dmmf;

beforeAll(async () => {
  dmmf = await getDMMF({ datamodel: readFileSync(SCHEMA_PATH, "utf8") });
});

it("reads prisma/schema.prisma as the models the app stores (projects, accounts, teams)", () => {
  const shapes = expectedShapes(dmmf);
  expect(Object.keys(shapes).sort()).toEqual([
    "accounts",
    "api_tokens",
    "audit_events",
    "notification_deliveries",
    "project_secrets",
    "project_sections",
    "projects",
    "rate_limits",
    "revision_sections",
    "revisions",
    "sessions",
    "share_links",
    "team_invitations",
    "team_members",
    "teams",
    "users",
    "verifications",
  ]);
  expect(shapes.revision_sections?.foreignKeys).toEqual([
    {
      columns: ["project_id", "version"],
      references: "revisions",
      referencedColumns: ["project_id", "version"],
      onDelete: "CASCADE",
      onUpdate: "CASCADE",
    },
  ]);
  expect(shapes.project_sections?.primaryKey).toEqual(["project_id", "key"]);
  expect(shapes.revisions?.foreignKeys).toEqual([
    {
      columns: ["project_id"],
      references: "projects",
      referencedColumns: ["id"],
      onDelete: "CASCADE",
      onUpdate: "CASCADE",
    },
  ]);
  expect(shapes.revisions?.uniqueIndexes).toEqual([["project_id", "version"]]);
});

describe.each(TEST_DRIVERS)("the migrated database on %s", (driver) => {
  let database: RawTestDatabase;

  beforeAll(async () => {
    database = await openRawTestDatabase(driver);
    await migrate(database.sql, MIGRATIONS_DIR);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("has exactly the tables, columns, keys, indexes and foreign keys schema.prisma describes", async () => {
    expect(await actualShapes(database)).toEqual(expectedShapes(dmmf));
  });
});
