-- AlterTable
ALTER TABLE "assessment_period" ADD COLUMN     "peer_group_id" INTEGER;

-- AddForeignKey
ALTER TABLE "assessment_period" ADD CONSTRAINT "assessment_period_peer_group_id_fkey" FOREIGN KEY ("peer_group_id") REFERENCES "peer_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;
