-- CreateEnum
CREATE TYPE "PasswordTokenPurpose" AS ENUM ('INVITE', 'RESET');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AgencyKind" ADD VALUE 'WARD';
ALTER TYPE "AgencyKind" ADD VALUE 'SPECIAL_ZONE';
ALTER TYPE "AgencyKind" ADD VALUE 'OTHER';

-- AlterTable
ALTER TABLE "agency" ADD COLUMN     "contact_email" TEXT,
ADD COLUMN     "contact_phone" TEXT,
ADD COLUMN     "peer_group_id" INTEGER,
ADD COLUMN     "short_name" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "last_sign_in_at" TIMESTAMP(3),
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "password_hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "peer_group" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "peer_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agency_lineage" (
    "successor_id" INTEGER NOT NULL,
    "predecessor_id" INTEGER NOT NULL,
    "effective_on" DATE NOT NULL,
    "legal_basis" TEXT NOT NULL,

    CONSTRAINT "agency_lineage_pkey" PRIMARY KEY ("successor_id","predecessor_id")
);

-- CreateTable
CREATE TABLE "password_token" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "purpose" "PasswordTokenPurpose" NOT NULL,
    "selector" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "superseded_at" TIMESTAMP(3),

    CONSTRAINT "password_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "peer_group_province_id_name_key" ON "peer_group"("province_id", "name");

-- CreateIndex
CREATE INDEX "agency_lineage_predecessor_id_idx" ON "agency_lineage"("predecessor_id");

-- CreateIndex
CREATE UNIQUE INDEX "password_token_selector_key" ON "password_token"("selector");

-- CreateIndex
CREATE INDEX "password_token_user_id_idx" ON "password_token"("user_id");

-- CreateIndex
CREATE INDEX "agency_peer_group_id_idx" ON "agency"("peer_group_id");

-- CreateIndex
CREATE INDEX "app_user_province_id_idx" ON "app_user"("province_id");

-- CreateIndex
CREATE INDEX "app_user_agency_id_idx" ON "app_user"("agency_id");

-- AddForeignKey
ALTER TABLE "peer_group" ADD CONSTRAINT "peer_group_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_peer_group_id_fkey" FOREIGN KEY ("peer_group_id") REFERENCES "peer_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_lineage" ADD CONSTRAINT "agency_lineage_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_lineage" ADD CONSTRAINT "agency_lineage_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_token" ADD CONSTRAINT "password_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_token" ADD CONSTRAINT "password_token_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
