-- CreateTable
CREATE TABLE "council_assignment" (
    "id" SERIAL NOT NULL,
    "period_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "council_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "council_assignment_user_id_idx" ON "council_assignment"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "council_assignment_period_id_user_id_criterion_id_key" ON "council_assignment"("period_id", "user_id", "criterion_id");

-- AddForeignKey
ALTER TABLE "council_assignment" ADD CONSTRAINT "council_assignment_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "assessment_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_assignment" ADD CONSTRAINT "council_assignment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "council_assignment" ADD CONSTRAINT "council_assignment_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
