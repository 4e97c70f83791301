import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerDatabaseUrl } from "./helpers";
import { schemaDrift } from "./schema-drift";

const schema = readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8");
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await client.connect();
});
afterAll(() => client.end());

describe("schema.prisma and the migrated database", () => {
  it("agree on every table, column, type, nullability, enum, index and foreign key", async () => {
    expect(await schemaDrift(schema, client)).toEqual([]);
  });

  it("would disagree if schema.prisma gained a field the migrations lack", async () => {
    const changed = schema.replace("  year           Int\n", "  year           Int\n  note           String\n");
    expect(changed).not.toBe(schema);
    expect(await schemaDrift(changed, client)).toEqual(["column report.note (Report.note) is missing"]);
  });

  it("would disagree if a field's type or nullability changed", async () => {
    const changed = schema.replace('signatureLine  String          @default("")', 'signatureLine  String?').replace(
      "  count     Int?\n  amount    Decimal? @db.Decimal(14, 4)\n  /// A signed",
      "  count     BigInt?\n  amount    Decimal? @db.Decimal(14, 4)\n  /// A signed",
    );
    expect(await schemaDrift(changed, client)).toEqual([
      "column report.signature_line nullability differs (schema required: false)",
      "column report_cell.count is integer, schema.prisma says bigint",
    ]);
  });

  it("would disagree if an index were dropped from schema.prisma", async () => {
    const changed = schema.replace("  @@index([year, status])\n", "");
    expect(await schemaDrift(changed, client)).toEqual(["index not in schema.prisma: normal report(year,status)"]);
  });
});
