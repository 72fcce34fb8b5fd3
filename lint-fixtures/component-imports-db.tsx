// lint-as: components/gallery/fixture.tsx
// expect: @typescript-eslint/no-restricted-imports
import { db } from "@/lib/db";

export const count = () => db.generation.count();
