-- CreateEnum
CREATE TYPE "SlotStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CallCharged" AS ENUM ('YES', 'NO', 'MAYBE');

-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "sentPrompt" TEXT,
ADD COLUMN     "shapeHint" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "GenerationSlot" (
    "generationId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "status" "SlotStatus" NOT NULL DEFAULT 'QUEUED',
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GenerationSlot_pkey" PRIMARY KEY ("generationId","index")
);

-- CreateTable
CREATE TABLE "ImageCall" (
    "id" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "slotIndex" INTEGER,
    "requestedN" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "charged" "CallCharged",
    "imagesReturned" INTEGER NOT NULL DEFAULT 0,
    "httpStatus" INTEGER,
    "costMicros" INTEGER,
    "currency" TEXT,
    "rawExcerpt" TEXT,

    CONSTRAINT "ImageCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelayState" (
    "relay" TEXT NOT NULL,
    "failStreak" INTEGER NOT NULL DEFAULT 0,
    "backoffUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RelayState_pkey" PRIMARY KEY ("relay")
);

-- CreateIndex
CREATE INDEX "GenerationSlot_status_idx" ON "GenerationSlot"("status");

-- CreateIndex
CREATE INDEX "ImageCall_workspaceId_startedAt_idx" ON "ImageCall"("workspaceId", "startedAt");

-- CreateIndex
CREATE INDEX "ImageCall_generationId_idx" ON "ImageCall"("generationId");

-- CreateIndex
CREATE INDEX "ImageCall_finishedAt_idx" ON "ImageCall"("finishedAt");

-- AddForeignKey
ALTER TABLE "GenerationSlot" ADD CONSTRAINT "GenerationSlot_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageCall" ADD CONSTRAINT "ImageCall_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageCall" ADD CONSTRAINT "ImageCall_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageCall" ADD CONSTRAINT "ImageCall_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every existing generation gets one slot per requested image, settled as it was.
INSERT INTO "GenerationSlot" ("generationId", "index", "status", "errorCode", "errorMessage", "calls", "updatedAt")
SELECT g."id",
       i,
       CASE g."status" WHEN 'SUCCEEDED' THEN 'SUCCEEDED'::"SlotStatus" WHEN 'FAILED' THEN 'FAILED'::"SlotStatus" ELSE 'QUEUED'::"SlotStatus" END,
       CASE WHEN g."status" = 'FAILED' THEN g."errorCode" END,
       CASE WHEN g."status" = 'FAILED' THEN g."errorMessage" END,
       0,
       CURRENT_TIMESTAMP
FROM "Generation" g
CROSS JOIN LATERAL generate_series(0, g."n" - 1) AS i;
