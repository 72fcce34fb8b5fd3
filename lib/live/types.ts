import type { GenerationDTO } from "@/lib/data/dto";

/**
 * What a tab's live stream says (GET /api/events, `change` events): which generation changed, in
 * which workspace (its slug, as the tab's URLs and query keys name it), and whether the viewer made
 * it. For the viewer's own generations it carries the generation as they see it now and the relay's
 * state (what GET /api/w/…/generations/[id] answers), so the tab shows it without a read; teammates'
 * changes are ids only, and those tabs read them through the ordinary, permission-checked routes.
 */
export interface LiveChange {
  workspace: string;
  generationId: string;
  mine: boolean;
  generation?: GenerationDTO;
  relay?: { struggling: boolean };
}
