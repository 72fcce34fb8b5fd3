// lint-as: lib/image-api/fixture.ts
// expect: @typescript-eslint/no-restricted-imports
import type { Generation } from "@/lib/generated/prisma/client";

export const prompt = (g: Generation) => g.prompt;
