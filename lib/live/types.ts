/**
 * What a tab's live stream says (GET /api/events, `change` events): which generation changed, in
 * which workspace (its slug, as the tab's URLs and query keys name it), and whether the viewer made
 * it. Ids only: the tab reads the change itself through the ordinary, permission-checked routes.
 */
export interface LiveChange {
  workspace: string;
  generationId: string;
  mine: boolean;
}
