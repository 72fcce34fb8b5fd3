import { redirect } from "next/navigation";
import { workspaceUrls } from "@/lib/urls";

export default async function WorkspaceIndex({ params }: PageProps<"/w/[workspace]">) {
  const { workspace } = await params;
  redirect(workspaceUrls.create(workspace));
}
