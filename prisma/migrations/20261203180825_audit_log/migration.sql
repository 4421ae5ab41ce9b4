-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "team_id" TEXT,
    "actor_id" TEXT,
    "actor_name" TEXT,
    "action" TEXT NOT NULL,
    "project_id" TEXT,
    "target" TEXT NOT NULL,
    "detail" JSONB,
    "ip_address" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_team_id_at_idx" ON "audit_events"("team_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_project_id_at_idx" ON "audit_events"("project_id", "at");
