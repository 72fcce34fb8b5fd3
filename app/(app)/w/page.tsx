import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { homeWorkspaceSlug } from "@/lib/data/workspaces";
import { appUrls, workspaceUrls } from "@/lib/urls";

export default async function WorkspaceHome() {
  const viewer = await requireUser();
  const slug = await homeWorkspaceSlug(viewer);
  if (!slug) redirect(appUrls.signIn());
  redirect(workspaceUrls.create(slug));
}
