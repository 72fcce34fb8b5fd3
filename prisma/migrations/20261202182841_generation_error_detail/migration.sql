-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "errorDetail" JSONB;

-- AlterTable
ALTER TABLE "GenerationSlot" ADD COLUMN     "errorDetail" JSONB;
