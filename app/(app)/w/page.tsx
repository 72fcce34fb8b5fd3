import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { homeWorkspaceSlug } from "@/lib/data/workspaces";

export default async function WorkspaceHome() {
  const viewer = await requireUser();
  const slug = await homeWorkspaceSlug(viewer);
  if (!slug) redirect("/sign-in");
  redirect(`/w/${slug}/create`);
}
