-- CreateTable
CREATE TABLE "StoredObject" (
    "key" TEXT NOT NULL,
    "lastPutAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredObject_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MaintenanceRun" (
    "name" TEXT NOT NULL,
    "lastRunAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MaintenanceRun_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "StoredObject_lastPutAt_idx" ON "StoredObject"("lastPutAt");

-- Files stored before this table existed are known through their Asset rows.
INSERT INTO "StoredObject" ("key", "lastPutAt") SELECT DISTINCT "storageKey", CURRENT_TIMESTAMP FROM "Asset" ON CONFLICT DO NOTHING;
