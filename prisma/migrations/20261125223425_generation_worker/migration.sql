-- DropIndex
DROP INDEX "Asset_storageKey_key";

-- DropIndex
DROP INDEX "Generation_status_idx";

-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "heartbeatAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Asset_storageKey_idx" ON "Asset"("storageKey");

-- CreateIndex
CREATE INDEX "Generation_status_heartbeatAt_idx" ON "Generation"("status", "heartbeatAt");
