-- CreateIndex
CREATE INDEX "app_user_name_id_idx" ON "app_user"("name", "id");
