// Compares what schema.prisma describes with what the migrated database has:
// tables, columns (type, nullability), enums, primary keys, unique and plain
// indexes, and foreign keys. Returns one line per difference.
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] }[];
  };
}

export function readDmmf(schema: string): Dmmf {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
}

/** The PostgreSQL type Prisma gives a field (information_schema's data_type, or udt_name for enums and arrays). */
function expectedType(field: DmmfField): string {
  if (field.isList) return `array:${expectedType({ ...field, isList: false })}`;
  if (field.kind === "enum") return `enum:${field.type}`;
  const native = field.nativeType?.[0];
  const args = field.nativeType?.[1] ?? [];
  switch (field.type) {
    case "String":
      return native === "Uuid" ? "uuid" : native === "VarChar" ? `character varying(${args[0]})` : "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "Float":
      return "double precision";
    case "Decimal":
      return `numeric(${args[0] ?? 65},${args[1] ?? 30})`;
    case "DateTime":
      if (native === "Date") return "date";
      return native === "Timestamptz"
        ? `timestamp with time zone(${args[0] ?? 3})`
        : `timestamp without time zone(${args[0] ?? 3})`;
    case "Json":
      return "jsonb";
    default:
      return `unsupported:${field.type}`;
  }
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

function actualType(column: ColumnRow): string {
  switch (column.data_type) {
    // An array's element type is its udt_name without the leading underscore (_uuid).
    case "ARRAY":
      return `array:${{ _uuid: "uuid", _text: "text", _int4: "integer" }[column.udt_name] ?? column.udt_name}`;
    case "USER-DEFINED":
      return `enum:${column.udt_name}`;
    case "numeric":
      return `numeric(${column.numeric_precision},${column.numeric_scale})`;
    case "character varying":
      return `character varying(${column.character_maximum_length})`;
    case "timestamp with time zone":
    case "timestamp without time zone":
      return `${column.data_type}(${column.datetime_precision})`;
    default:
      return column.data_type;
  }
}

export async function schemaDrift(schema: string, client: pg.Client): Promise<string[]> {
  const { datamodel } = readDmmf(schema);
  const differences: string[] = [];
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  const { rows: columns } = await client.query<ColumnRow>(
    `select table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length,
            numeric_precision, numeric_scale, datetime_precision
       from information_schema.columns where table_schema = 'public'`,
  );
  const actualTables = new Set(columns.map((c) => c.table_name));
  const expectedTables = new Set([...tableOf.values(), "_prisma_migrations"]);
  for (const table of actualTables) {
    if (!expectedTables.has(table)) differences.push(`table ${table} is in the database but not in schema.prisma`);
  }

  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    if (!actualTables.has(table)) {
      differences.push(`table ${table} (model ${model.name}) is missing from the database`);
      continue;
    }
    const scalarFields = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    const expectedColumns = new Set(scalarFields.map((f) => f.dbName ?? f.name));
    for (const column of columns.filter((c) => c.table_name === table)) {
      if (!expectedColumns.has(column.column_name)) {
        differences.push(`column ${table}.${column.column_name} is not in model ${model.name}`);
      }
    }
    for (const field of scalarFields) {
      const name = field.dbName ?? field.name;
      const column = columns.find((c) => c.table_name === table && c.column_name === name);
      if (!column) {
        differences.push(`column ${table}.${name} (${model.name}.${field.name}) is missing`);
        continue;
      }
      const [want, have] = [expectedType(field), actualType(column)];
      if (want !== have) differences.push(`column ${table}.${name} is ${have}, schema.prisma says ${want}`);
      if (field.isRequired !== (column.is_nullable === "NO")) {
        differences.push(`column ${table}.${name} nullability differs (schema required: ${field.isRequired})`);
      }
    }
  }

  // Enums and their values.
  const { rows: enumRows } = await client.query<{ name: string; label: string }>(
    `select t.typname as name, e.enumlabel as label from pg_type t join pg_enum e on e.enumtypid = t.oid
      order by t.typname, e.enumsortorder`,
  );
  for (const enumDef of datamodel.enums) {
    const name = enumDef.dbName ?? enumDef.name;
    const want = enumDef.values.map((v) => v.dbName ?? v.name).join(",");
    const have = enumRows.filter((r) => r.name === name).map((r) => r.label).join(",");
    if (want !== have) differences.push(`enum ${name} has [${have}], schema.prisma says [${want}]`);
  }

  // Primary keys, unique and plain indexes, by table and column list.
  const { rows: indexRows } = await client.query<{ table: string; columns: string[]; unique: boolean; primary: boolean }>(
    `select c.relname as table, i.indisunique as unique, i.indisprimary as primary,
            array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n) as columns
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = 'public' and c.relname <> '_prisma_migrations'`,
  );
  const indexKey = (table: string, cols: string[], kind: string) => `${kind} ${table}(${cols.join(",")})`;
  const actualIndexes = new Set(
    indexRows.map((r) => indexKey(r.table, r.columns, r.primary ? "id" : r.unique ? "unique" : "normal")),
  );
  const expectedIndexes = new Set(
    datamodel.indexes
      .filter((ix) => ix.type !== "fulltext")
      .map((ix) => {
        const model = datamodel.models.find((m) => m.name === ix.model)!;
        return indexKey(tableOf.get(ix.model)!, ix.fields.map((f) => columnOf(model, f.name)), ix.type);
      }),
  );
  for (const key of expectedIndexes) if (!actualIndexes.has(key)) differences.push(`index missing: ${key}`);
  for (const key of actualIndexes) if (!expectedIndexes.has(key)) differences.push(`index not in schema.prisma: ${key}`);

  // Foreign keys: (table, columns) → referenced table.
  const { rows: fkRows } = await client.query<{ table: string; columns: string[]; references: string }>(
    `select c.conrelid::regclass::text as table, c.confrelid::regclass::text as references,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns
       from pg_constraint c where c.contype = 'f'`,
  );
  const fkKey = (table: string, cols: string[], references: string) => `${table}(${cols.join(",")}) → ${references}`;
  const actualFks = new Set(fkRows.map((r) => fkKey(r.table.replace(/"/g, ""), r.columns, r.references.replace(/"/g, ""))));
  const expectedFks = new Set(
    datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
        .map((f) =>
          fkKey(tableOf.get(model.name)!, f.relationFromFields!.map((n) => columnOf(model, n)), tableOf.get(f.type)!),
        ),
    ),
  );
  for (const key of expectedFks) if (!actualFks.has(key)) differences.push(`foreign key missing: ${key}`);
  for (const key of actualFks) if (!expectedFks.has(key)) differences.push(`foreign key not in schema.prisma: ${key}`);

  return differences;
}
