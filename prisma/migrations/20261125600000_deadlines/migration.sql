-- Publication deadlines per county and kind of unit, with per-year overrides.
CREATE TABLE "deadline_default" (
    "county_id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "month" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deadline_default_pkey" PRIMARY KEY ("county_id", "kind"),
    -- A real day of a year (29 Feb is refused: it does not come every year).
    CONSTRAINT "deadline_default_day_check" CHECK (
        "month" BETWEEN 1 AND 12 AND "day" >= 1
        AND "day" <= CASE WHEN "month" = 2 THEN 28 WHEN "month" IN (4, 6, 9, 11) THEN 30 ELSE 31 END)
);

CREATE TABLE "deadline_override" (
    "county_id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "due_on" DATE NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deadline_override_pkey" PRIMARY KEY ("county_id", "kind", "year")
);

ALTER TABLE "deadline_default" ADD CONSTRAINT "deadline_default_county_id_fkey"
    FOREIGN KEY ("county_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "deadline_override" ADD CONSTRAINT "deadline_override_county_id_fkey"
    FOREIGN KEY ("county_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
