-- CreateTable
CREATE TABLE "document_setting" (
    "province_id" INTEGER NOT NULL,
    "peoples_committee" TEXT NOT NULL,
    "home_affairs" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "chairman_title" TEXT NOT NULL,
    "chairman_name" TEXT NOT NULL,
    "director_title" TEXT NOT NULL,
    "director_name" TEXT NOT NULL,
    "archive_unit" TEXT NOT NULL,
    "symbols" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "document_setting_pkey" PRIMARY KEY ("province_id")
);

-- AddForeignKey
ALTER TABLE "document_setting" ADD CONSTRAINT "document_setting_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
