-- CreateEnum
CREATE TYPE "ImageShape" AS ENUM ('LANDSCAPE', 'PORTRAIT', 'SQUARE');

-- AlterTable: added nullable, backfilled from each result's real pixels, then required.
-- The rule is lib/images/shape.ts's shapeOf: within 10 % of 1:1 is square.
ALTER TABLE "GenerationImage" ADD COLUMN     "shape" "ImageShape";

UPDATE "GenerationImage" gi SET "shape" = CASE
    WHEN a."width" >= a."height" * 1.1 THEN 'LANDSCAPE'::"ImageShape"
    WHEN a."height" >= a."width" * 1.1 THEN 'PORTRAIT'::"ImageShape"
    ELSE 'SQUARE'::"ImageShape"
  END
FROM "Asset" a WHERE a."id" = gi."assetId";

ALTER TABLE "GenerationImage" ALTER COLUMN "shape" SET NOT NULL;

-- CreateIndex
CREATE INDEX "GenerationImage_generationId_shape_idx" ON "GenerationImage"("generationId", "shape");
