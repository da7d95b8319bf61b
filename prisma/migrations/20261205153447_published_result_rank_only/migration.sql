-- AlterTable
ALTER TABLE "published_result" ALTER COLUMN "score" DROP NOT NULL;

-- A published result carries a score, a rank, or both: a source that printed only the order of a
-- list gives a rank and no score, and the portal never invents one (issue 16, item 8).
ALTER TABLE "published_result" ADD CONSTRAINT "published_result_score_or_rank" CHECK ("score" IS NOT NULL OR "official_rank" IS NOT NULL);
