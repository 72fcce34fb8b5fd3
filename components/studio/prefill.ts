import type { GenerationDTO } from "@/lib/data/dto";
import type { ImageSize } from "@/lib/validations/generation";

/** What the Create form starts from when a link asks for it (remix, "use as reference", share). */
export interface StudioPrefill {
  prompt: string;
  size: ImageSize;
  n: number;
  model?: string;
  references: { assetId: string; url: string; label: string | null; fileName: string }[];
  parentId?: string;
}

/** A generation's inputs as a prefill whose result records it as the parent. */
export function remixOf(g: GenerationDTO): StudioPrefill {
  return {
    prompt: g.prompt,
    size: g.size as ImageSize,
    n: g.n,
    model: g.model,
    parentId: g.id,
    references: g.references.map((r) => ({
      assetId: r.assetId,
      url: r.url,
      label: r.label,
      fileName: r.label || `reference ${r.position + 1}`,
    })),
  };
}
