// lint-as: components/studio/fixture.tsx
// expect: @typescript-eslint/no-restricted-imports
import { createGenerationSchema } from "@/lib/validations/generation";

export const fixture = createGenerationSchema;
