// lint-as: app/(app)/w/[workspace]/gallery/_components/fixture.tsx
// expect: @typescript-eslint/no-restricted-imports
import { listGalleryPage } from "@/lib/data/gallery/read";

export const load = listGalleryPage;
