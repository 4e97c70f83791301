-- The 2019 trial format (国办公开办函〔2019〕60号) has 本年增/减 columns:
-- signed whole numbers. They get their own column so that counts stay
-- non-negative in the database: a cell holds at most one of count, amount
-- or change, as its format types it.

ALTER TABLE "report_cell" ADD COLUMN "change" INTEGER;
ALTER TABLE "report_cell" DROP CONSTRAINT "report_cell_value_check";
ALTER TABLE "report_cell" ADD CONSTRAINT "report_cell_value_check"
    CHECK (num_nonnulls("count", "amount", "change") <= 1 AND "count" >= 0 IS NOT FALSE AND "amount" >= 0 IS NOT FALSE);

ALTER TABLE "revision_cell" ADD COLUMN "change" INTEGER;
ALTER TABLE "revision_cell" DROP CONSTRAINT "revision_cell_value_check";
ALTER TABLE "revision_cell" ADD CONSTRAINT "revision_cell_value_check"
    CHECK (num_nonnulls("count", "amount", "change") <= 1 AND "count" >= 0 IS NOT FALSE AND "amount" >= 0 IS NOT FALSE);
