-- CreateTable
CREATE TABLE "published_data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "published_data_version_pkey" PRIMARY KEY ("id")
);

-- Written by hand: Prisma's schema language has no CHECK constraints or triggers.
ALTER TABLE "published_data_version" ADD CONSTRAINT "published_data_version_single_row" CHECK ("id" = 1);
INSERT INTO "published_data_version" ("id", "version") VALUES (1, 0);

-- Once per statement, not per row: a 100,000-row import bumps the version once. The UPDATE locks the
-- one row until the writer commits, which only orders writers of published data (rare) among themselves.
CREATE FUNCTION "bump_published_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "published_data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  published_table text;
BEGIN
  FOREACH published_table IN ARRAY ARRAY[
    'published_result', 'result_component', 'result_criterion_score', 'published_aggregate',
    'province', 'province_lineage', 'region', 'performance_index',
    'framework', 'framework_component', 'grade_band', 'criterion'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER "bump_published_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION "bump_published_data_version"()',
      published_table);
  END LOOP;
END
$$;
