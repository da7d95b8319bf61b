-- AlterTable
ALTER TABLE "agency" ADD COLUMN "search_key" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "search_key" TEXT NOT NULL DEFAULT '';

-- Written by hand: Prisma's schema language has no functions or triggers.
-- The search key (lib/search.ts): composed, the Vietnamese marks off, lower case. The two letter lists
-- are lib/search.ts's MARKED and PLAIN; tests/integration/search-key.test.ts checks that both agree.
CREATE FUNCTION "search_key"(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(normalize(coalesce(value, ''), NFC),
    'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD'))
$$;

-- Kept by PostgreSQL on every write, whoever writes (the forms, the imports, the seed, a script):
-- an account is found by its name or e-mail, an agency by its name, short name or code.
CREATE FUNCTION "app_user_search_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_key" := "search_key"(NEW."name") || ' ' || "search_key"(NEW."email");
  RETURN NEW;
END
$$;
CREATE TRIGGER "app_user_search_key" BEFORE INSERT OR UPDATE OF "name", "email", "search_key" ON "app_user"
  FOR EACH ROW EXECUTE FUNCTION "app_user_search_key"();

CREATE FUNCTION "agency_search_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_key" := "search_key"(NEW."code") || ' ' || "search_key"(NEW."name") || ' ' || "search_key"(NEW."short_name");
  RETURN NEW;
END
$$;
CREATE TRIGGER "agency_search_key" BEFORE INSERT OR UPDATE OF "code", "name", "short_name", "search_key" ON "agency"
  FOR EACH ROW EXECUTE FUNCTION "agency_search_key"();

-- The rows already there.
UPDATE "app_user" SET "search_key" = '';
UPDATE "agency" SET "search_key" = '';
