-- CreateIndex
CREATE INDEX "scam_reports_assignee_id_status_idx" ON "scam_reports"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "scam_reports_created_at_idx" ON "scam_reports"("created_at" DESC);

