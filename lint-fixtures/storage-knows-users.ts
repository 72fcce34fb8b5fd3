// lint-as: lib/storage/fixture.ts
// expect: @typescript-eslint/no-restricted-imports
import { requireUser } from "@/lib/auth";

export const owner = () => requireUser();
