-- AlterTable
ALTER TABLE "directive" ADD COLUMN "search_key" TEXT NOT NULL DEFAULT '';

-- Written by hand: Prisma's schema language has no triggers.
-- A directive is found by its number, title or summary, with or without diacritics, as accounts and
-- agencies are (20261206230000_search_key, lib/search.ts).
CREATE FUNCTION "directive_search_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_key" := "search_key"(NEW."number") || ' ' || "search_key"(NEW."title") || ' ' || "search_key"(NEW."summary");
  RETURN NEW;
END
$$;
CREATE TRIGGER "directive_search_key" BEFORE INSERT OR UPDATE OF "number", "title", "summary", "search_key" ON "directive"
  FOR EACH ROW EXECUTE FUNCTION "directive_search_key"();

-- The rows already there.
UPDATE "directive" SET "search_key" = '';
