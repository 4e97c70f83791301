-- Every level of government (条例: every 行政机关 reports): 省级 and 设区的市
-- governments beside the county's, and departments under a government of
-- any level (a county department keeps its rows, under its new name). Each
-- government is also keyed by its 行政区划代码 (GB/T 2260: six digits).
ALTER TYPE "OrganizationKind" RENAME VALUE 'COUNTY_DEPARTMENT' TO 'DEPARTMENT';
ALTER TYPE "OrganizationKind" ADD VALUE 'PROVINCE_GOVERNMENT' BEFORE 'COUNTY_GOVERNMENT';
ALTER TYPE "OrganizationKind" ADD VALUE 'CITY_GOVERNMENT' BEFORE 'COUNTY_GOVERNMENT';

ALTER TABLE "organization" ADD COLUMN "region_code" TEXT;
ALTER TABLE "organization" ADD CONSTRAINT "organization_region_code_check" CHECK ("region_code" ~ '^[0-9]{6}$');
CREATE UNIQUE INDEX "organization_region_code_key" ON "organization"("region_code");
