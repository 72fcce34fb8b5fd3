// lint-as: components/gallery/fixture.tsx
// expect: nothing
import type { GalleryImageDTO } from "@/lib/data/gallery/types";

export const id = (image: GalleryImageDTO) => image.id;
