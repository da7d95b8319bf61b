-- AlterTable
ALTER TABLE "assessment" ADD COLUMN     "deadline_extended_to" TIMESTAMP(3),
ADD COLUMN     "extension_reason" TEXT,
ADD COLUMN     "peer_rank" INTEGER;

-- AlterTable
ALTER TABLE "criterion_score" ADD COLUMN     "not_applicable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "not_applicable_reason" TEXT;

-- AlterTable
ALTER TABLE "framework" ADD COLUMN     "grades_on_percentage" BOOLEAN NOT NULL DEFAULT false;
