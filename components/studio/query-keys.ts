/** TanStack Query keys for generations, one factory so invalidations cannot drift from reads. */
export const generationKeys = {
  all: ["generations"] as const,
  workspace: (workspace: string) => [...generationKeys.all, workspace] as const,
  recent: (workspace: string) => [...generationKeys.workspace(workspace), "recent"] as const,
};
