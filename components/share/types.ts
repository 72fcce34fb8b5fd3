/** What a share button shares; ids are the workspace's own rows, checked again on the server. */
export type ShareTargetRef =
  | { type: "GENERATION"; generationId: string }
  | { type: "COLLECTION"; collectionId: string }
  | { type: "WORKSPACE" };
