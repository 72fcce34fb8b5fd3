/** TanStack Query keys for workspace-wide data, one factory so invalidations cannot drift from reads. */
export const workspaceKeys = {
  all: ["workspace"] as const,
  of: (workspace: string) => [...workspaceKeys.all, workspace] as const,
  usage: (workspace: string) => [...workspaceKeys.of(workspace), "usage"] as const,
  library: (workspace: string) => [...workspaceKeys.of(workspace), "library"] as const,
  activity: (workspace: string, filter: { review?: string; member?: string }) =>
    [...workspaceKeys.of(workspace), "activity", filter] as const,
};
