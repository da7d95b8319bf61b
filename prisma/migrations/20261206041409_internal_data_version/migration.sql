-- CreateTable
CREATE TABLE "internal_data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "internal_data_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "internal_data_change" (
    "id" BIGSERIAL NOT NULL,

    CONSTRAINT "internal_data_change_pkey" PRIMARY KEY ("id")
);

-- Written by hand: Prisma's schema language has no CHECK constraints or triggers.
ALTER TABLE "internal_data_version" ADD CONSTRAINT "internal_data_version_single_row" CHECK ("id" = 1);
INSERT INTO "internal_data_version" ("id", "version") VALUES (1, 0);

-- The version of everything the signed-in pages can show (the leader dashboard and the agency view
-- are kept as rendered under it, scripts/lib/signed-in-cache.mjs). Unlike the published data, these
-- tables are written all day, by transactions that also take row locks and advisory locks; if the
-- first write of a transaction locked the version row until its commit (as published_data_version's
-- trigger does), every writer would queue behind every other one, and two transactions taking a row
-- lock and the version row in opposite orders would deadlock. So the bump waits for the commit:
-- the first statement of a transaction that writes one of these tables inserts a row into
-- internal_data_change (a transaction-local setting says it was done), and a deferred trigger on
-- that row, which runs as the transaction commits, after all its other work, bumps the version and
-- deletes the row. The version row is locked only from there to the commit, by a transaction that
-- waits for nothing else; the new version becomes visible with the data, at the commit.
CREATE FUNCTION "note_internal_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('portal.internal_data_changed', true) IS DISTINCT FROM 'on' THEN
    -- Local to the transaction, and undone with a rolled-back savepoint together with the insert.
    PERFORM set_config('portal.internal_data_changed', 'on', true);
    INSERT INTO "internal_data_change" DEFAULT VALUES;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "bump_internal_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "internal_data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  DELETE FROM "internal_data_change" WHERE "id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "bump_internal_data_version" AFTER INSERT ON "internal_data_change"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_internal_data_version"();

-- Every application table, but these (tests/unit/signed-in-cache.test.ts fails on a table of the
-- schema in neither list):
-- - login_attempt: written by every sign-in attempt, anyone's, even with a wrong password; no page
--   shows it (what a sign-in changes that pages show, none: a session is a cookie);
-- - password_token: written by every "forgot password" request, anyone's; no page shows it, and the
--   reset it allows writes app_user (password, session version), which counts;
-- - mail_message: the outbox, written by the mail worker as it sends; only the administrators'
--   outbox shows it, never a cached page (a notification it mails is written to notification, which counts);
-- - published_data_version (read beside this version), and the two tables above.
-- The job queue's tables live in the "pgboss" schema, outside this list.
DO $$
DECLARE
  internal_table text;
BEGIN
  FOREACH internal_table IN ARRAY ARRAY[
    'region', 'province', 'province_lineage', 'peer_group', 'agency', 'agency_lineage', 'performance_index',
    'framework', 'criterion', 'framework_component', 'grade_band', 'published_result', 'result_component',
    'result_criterion_score', 'published_aggregate', 'assessment_period', 'council_assignment', 'assessment',
    'criterion_score', 'stored_file', 'directive', 'directive_link', 'target', 'task', 'task_agency',
    'task_criterion', 'periodic_report', 'app_user', 'audit_log', 'notification', 'notification_preference',
    'document_setting'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER "note_internal_data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION "note_internal_data_change"()',
      internal_table);
  END LOOP;
END
$$;
