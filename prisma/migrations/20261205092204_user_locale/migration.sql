-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('vi', 'en');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "locale" "Locale";
