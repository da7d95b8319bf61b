-- CreateEnum
CREATE TYPE "ProvinceKind" AS ENUM ('PROVINCE', 'CITY');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('DEPARTMENT', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "IndexSubject" AS ENUM ('PROVINCE', 'MINISTRY', 'AGENCY');

-- CreateEnum
CREATE TYPE "FrameworkStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "CriterionLevel" AS ENUM ('FIELD', 'CRITERION', 'SUB_CRITERION');

-- CreateEnum
CREATE TYPE "AssessmentMethod" AS ENUM ('APPRAISAL', 'SURVEY', 'STATISTICS');

-- CreateEnum
CREATE TYPE "AggregateKind" AS ENUM ('NATIONAL_AVERAGE', 'REGION_AVERAGE', 'ELEMENT_AVERAGE');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('SELF_SCORING', 'APPRAISAL', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ROUND1', 'EXPLANATION_REQUESTED', 'ROUND2', 'FINALIZED');

-- CreateEnum
CREATE TYPE "DirectiveKind" AS ENUM ('QUYET_DINH', 'KE_HOACH', 'CONG_VAN', 'CHI_THI', 'VAN_BAN', 'NGHI_QUYET');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('MIN_SCORE', 'MIN_PERCENT_OF_MAX', 'MAX_RANK', 'RANK_IMPROVEMENT', 'CRITERION_SCORE', 'COMMITMENT_COMPLETION');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'HOME_AFFAIRS', 'AGENCY_HEAD', 'LEADER');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "province" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "kind" "ProvinceKind" NOT NULL,
    "region_code" TEXT,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "code_decision" TEXT,

    CONSTRAINT "province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "province_lineage" (
    "successor_id" INTEGER NOT NULL,
    "predecessor_id" INTEGER NOT NULL,
    "effective_on" DATE NOT NULL,
    "legal_basis" TEXT NOT NULL,

    CONSTRAINT "province_lineage_pkey" PRIMARY KEY ("successor_id","predecessor_id")
);

-- CreateTable
CREATE TABLE "agency" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performance_index" (
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "subject" "IndexSubject" NOT NULL,
    "max_score" DECIMAL(7,2) NOT NULL,
    "description" TEXT,

    CONSTRAINT "performance_index_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "framework" (
    "id" SERIAL NOT NULL,
    "index_code" TEXT NOT NULL,
    "owner_province_id" INTEGER,
    "agency_kind" "AgencyKind",
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "decision" TEXT,
    "valid_from_year" INTEGER NOT NULL,
    "valid_to_year" INTEGER,
    "max_score" DECIMAL(7,2) NOT NULL,
    "bonus_cap" DECIMAL(7,2) NOT NULL DEFAULT 0,
    "penalty_cap" DECIMAL(7,2) NOT NULL DEFAULT 0,
    "components_are_additive" BOOLEAN NOT NULL DEFAULT true,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "status" "FrameworkStatus" NOT NULL DEFAULT 'ACTIVE',
    "is_illustrative" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "previous_version_id" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion" (
    "id" SERIAL NOT NULL,
    "framework_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "level" "CriterionLevel" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "max_points" DECIMAL(7,2) NOT NULL,
    "method" "AssessmentMethod" NOT NULL DEFAULT 'APPRAISAL',
    "guidance" TEXT,
    "required_evidence" TEXT,
    "sort_order" INTEGER NOT NULL,
    "is_illustrative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "framework_component" (
    "framework_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "max_points" DECIMAL(7,2) NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "framework_component_pkey" PRIMARY KEY ("framework_id","code")
);

-- CreateTable
CREATE TABLE "grade_band" (
    "framework_id" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "min_score" DECIMAL(7,2) NOT NULL,

    CONSTRAINT "grade_band_pkey" PRIMARY KEY ("framework_id","label")
);

-- CreateTable
CREATE TABLE "published_result" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "index_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    "official_rank" INTEGER,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "published_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "result_component" (
    "result_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "value" DECIMAL(6,2) NOT NULL,

    CONSTRAINT "result_component_pkey" PRIMARY KEY ("result_id","code")
);

-- CreateTable
CREATE TABLE "result_criterion_score" (
    "result_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,
    "score" DECIMAL(6,2) NOT NULL,

    CONSTRAINT "result_criterion_score_pkey" PRIMARY KEY ("result_id","criterion_id")
);

-- CreateTable
CREATE TABLE "published_aggregate" (
    "id" SERIAL NOT NULL,
    "index_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "AggregateKind" NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "value" DECIMAL(6,2) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "published_aggregate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_period" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "framework_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "self_scoring_deadline" TIMESTAMP(3) NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'SELF_SCORING',
    "published_at" TIMESTAMP(3),
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "assessment_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment" (
    "id" SERIAL NOT NULL,
    "period_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "submitted_at" TIMESTAMP(3),
    "bonus_points" DECIMAL(7,2) NOT NULL DEFAULT 0,
    "bonus_reason" TEXT,
    "penalty_points" DECIMAL(7,2) NOT NULL DEFAULT 0,
    "penalty_reason" TEXT,
    "appraisal_released_at" TIMESTAMP(3),
    "explanation_deadline" TIMESTAMP(3),
    "finalized_at" TIMESTAMP(3),
    "final_total" DECIMAL(7,2),
    "rank" INTEGER,
    "classification" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion_score" (
    "id" SERIAL NOT NULL,
    "assessment_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,
    "self_score" DECIMAL(7,2),
    "self_comment" TEXT,
    "round1_score" DECIMAL(7,2),
    "round1_comment" TEXT,
    "explanation_request" TEXT,
    "explanation_response" TEXT,
    "round2_score" DECIMAL(7,2),
    "round2_comment" TEXT,
    "final_score" DECIMAL(7,2),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "criterion_score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_file" (
    "id" SERIAL NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_id" INTEGER,
    "uploaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "criterion_score_id" INTEGER,
    "directive_id" INTEGER,
    "task_id" INTEGER,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directive" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER,
    "number" TEXT NOT NULL,
    "kind" "DirectiveKind" NOT NULL,
    "issuer" TEXT NOT NULL,
    "signer" TEXT,
    "issued_on" DATE,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "years" INTEGER[],
    "reporting" TEXT[],
    "note" TEXT,
    "source_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directive_link" (
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,
    "relation" TEXT NOT NULL,

    CONSTRAINT "directive_link_pkey" PRIMARY KEY ("from_id","to_id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "directive_id" INTEGER NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "index_code" TEXT,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(7,2) NOT NULL,
    "value_max" DECIMAL(7,2),
    "unit" TEXT,
    "province_id" INTEGER,
    "agency_id" INTEGER,
    "criterion_id" INTEGER,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" SERIAL NOT NULL,
    "directive_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "lead_agency_id" INTEGER,
    "due_on" DATE,
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "progress_percent" INTEGER NOT NULL DEFAULT 0,
    "progress_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_agency" (
    "task_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,

    CONSTRAINT "task_agency_pkey" PRIMARY KEY ("task_id","agency_id")
);

-- CreateTable
CREATE TABLE "task_criterion" (
    "task_id" INTEGER NOT NULL,
    "criterion_id" INTEGER NOT NULL,

    CONSTRAINT "task_criterion_pkey" PRIMARY KEY ("task_id","criterion_id")
);

-- CreateTable
CREATE TABLE "periodic_report" (
    "id" SERIAL NOT NULL,
    "directive_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "submitted_by_id" INTEGER,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "periodic_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "province_id" INTEGER,
    "agency_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "actor_email" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "province_id" INTEGER,
    "old_value" JSONB,
    "new_value" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "province_valid_from_valid_to_idx" ON "province"("valid_from", "valid_to");

-- CreateIndex
CREATE UNIQUE INDEX "province_code_valid_from_key" ON "province"("code", "valid_from");

-- CreateIndex
CREATE INDEX "province_lineage_predecessor_id_idx" ON "province_lineage"("predecessor_id");

-- CreateIndex
CREATE UNIQUE INDEX "agency_province_id_code_key" ON "agency"("province_id", "code");

-- CreateIndex
CREATE INDEX "framework_index_code_valid_from_year_idx" ON "framework"("index_code", "valid_from_year");

-- CreateIndex
CREATE UNIQUE INDEX "framework_key_version_key" ON "framework"("key", "version");

-- CreateIndex
CREATE INDEX "criterion_parent_id_idx" ON "criterion"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_framework_id_code_key" ON "criterion"("framework_id", "code");

-- CreateIndex
CREATE INDEX "published_result_province_id_index_code_year_idx" ON "published_result"("province_id", "index_code", "year");

-- CreateIndex
CREATE UNIQUE INDEX "published_result_index_code_year_province_id_key" ON "published_result"("index_code", "year", "province_id");

-- CreateIndex
CREATE UNIQUE INDEX "published_aggregate_index_code_year_kind_subject_key" ON "published_aggregate"("index_code", "year", "kind", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_period_province_id_framework_id_year_key" ON "assessment_period"("province_id", "framework_id", "year");

-- CreateIndex
CREATE INDEX "assessment_agency_id_idx" ON "assessment"("agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_period_id_agency_id_key" ON "assessment"("period_id", "agency_id");

-- CreateIndex
CREATE INDEX "criterion_score_criterion_id_idx" ON "criterion_score"("criterion_id");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_score_assessment_id_criterion_id_key" ON "criterion_score"("assessment_id", "criterion_id");

-- CreateIndex
CREATE UNIQUE INDEX "stored_file_storage_key_key" ON "stored_file"("storage_key");

-- CreateIndex
CREATE INDEX "stored_file_criterion_score_id_idx" ON "stored_file"("criterion_score_id");

-- CreateIndex
CREATE UNIQUE INDEX "directive_issuer_number_key" ON "directive"("issuer", "number");

-- CreateIndex
CREATE INDEX "target_directive_id_idx" ON "target"("directive_id");

-- CreateIndex
CREATE INDEX "target_province_id_year_idx" ON "target"("province_id", "year");

-- CreateIndex
CREATE INDEX "task_lead_agency_id_idx" ON "task"("lead_agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "task_directive_id_sort_order_key" ON "task"("directive_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "periodic_report_directive_id_agency_id_period_key" ON "periodic_report"("directive_id", "agency_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "login_attempt_email_at_idx" ON "login_attempt"("email", "at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_at_idx" ON "login_attempt"("ip", "at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_province_id_at_idx" ON "audit_log"("province_id", "at");

-- AddForeignKey
ALTER TABLE "province" ADD CONSTRAINT "province_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "province_lineage" ADD CONSTRAINT "province_lineage_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "province_lineage" ADD CONSTRAINT "province_lineage_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "framework" ADD CONSTRAINT "framework_index_code_fkey" FOREIGN KEY ("index_code") REFERENCES "performance_index"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "framework" ADD CONSTRAINT "framework_owner_province_id_fkey" FOREIGN KEY ("owner_province_id") REFERENCES "province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "framework" ADD CONSTRAINT "framework_previous_version_id_fkey" FOREIGN KEY ("previous_version_id") REFERENCES "framework"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion" ADD CONSTRAINT "criterion_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion" ADD CONSTRAINT "criterion_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "criterion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "framework_component" ADD CONSTRAINT "framework_component_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grade_band" ADD CONSTRAINT "grade_band_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_result" ADD CONSTRAINT "published_result_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_result" ADD CONSTRAINT "published_result_index_code_fkey" FOREIGN KEY ("index_code") REFERENCES "performance_index"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_component" ADD CONSTRAINT "result_component_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "published_result"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_criterion_score" ADD CONSTRAINT "result_criterion_score_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "published_result"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_criterion_score" ADD CONSTRAINT "result_criterion_score_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_aggregate" ADD CONSTRAINT "published_aggregate_index_code_fkey" FOREIGN KEY ("index_code") REFERENCES "performance_index"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_period" ADD CONSTRAINT "assessment_period_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_period" ADD CONSTRAINT "assessment_period_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "framework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "assessment_period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_score" ADD CONSTRAINT "criterion_score_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_score" ADD CONSTRAINT "criterion_score_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_criterion_score_id_fkey" FOREIGN KEY ("criterion_score_id") REFERENCES "criterion_score"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directive"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive" ADD CONSTRAINT "directive_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_link" ADD CONSTRAINT "directive_link_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "directive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directive_link" ADD CONSTRAINT "directive_link_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "directive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_index_code_fkey" FOREIGN KEY ("index_code") REFERENCES "performance_index"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_lead_agency_id_fkey" FOREIGN KEY ("lead_agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_agency" ADD CONSTRAINT "task_agency_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_agency" ADD CONSTRAINT "task_agency_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_criterion" ADD CONSTRAINT "task_criterion_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_criterion" ADD CONSTRAINT "task_criterion_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "periodic_report" ADD CONSTRAINT "periodic_report_directive_id_fkey" FOREIGN KEY ("directive_id") REFERENCES "directive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "periodic_report" ADD CONSTRAINT "periodic_report_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "periodic_report" ADD CONSTRAINT "periodic_report_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
