-- CreateIndex
CREATE INDEX "Generation_workspaceId_reviewStatus_createdAt_id_idx" ON "Generation"("workspaceId", "reviewStatus", "createdAt" DESC, "id");
