import type { Metadata } from "next";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { ShareButton } from "@/components/share/share-button";
import { EmptyState } from "@/components/ui/empty-state";
import { listShareLinks, type ShareLinkDTO, type ShareLinkStatus } from "@/lib/data/share/links";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { RevokeLinkButton } from "./_components/revoke-link-button";

export const metadata: Metadata = { title: "Shared links" };

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const TARGET_LABEL: Record<ShareLinkDTO["target"], string> = {
  GENERATION: "Generation",
  COLLECTION: "Collection",
  WORKSPACE: "Whole gallery",
};

const STATUS: Record<ShareLinkStatus, { label: string; style: string }> = {
  active: { label: "Active", style: "bg-success-soft text-success" },
  expired: { label: "Expired", style: "bg-ink/5 text-ink-muted" },
  revoked: { label: "Revoked", style: "bg-danger-soft text-danger" },
};

function When({ iso, empty }: { iso: string | null; empty: string }) {
  return iso ? <time dateTime={iso}>{dateTime.format(new Date(iso))}</time> : <span className="text-ink-muted">{empty}</span>;
}

export default async function SharedLinksPage({ params }: PageProps<"/w/[workspace]/shared">) {
  const { viewer, workspace } = await requireWorkspace(params);
  if (!can(workspace.role, "share.create.own")) {
    return (
      <>
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">Shared links</h1>
        <EmptyState title="Sharing needs editor access">
          Your role in {workspace.name} is viewer. Ask an admin for editor access to share images by link.
        </EmptyState>
      </>
    );
  }
  const links = await listShareLinks(viewer, workspace);
  const everyone = can(workspace.role, "share.revoke.any");

  return (
    <>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Shared links</h1>
        {can(workspace.role, "share.create.any") ? (
          <ShareButton
            workspace={workspace.slug}
            target={{ type: "WORKSPACE" }}
            subject={`Everything in ${workspace.name}`}
            label="Share the whole gallery"
            className="rounded-lg border border-ink/15 bg-paper-raised px-4 py-2 text-sm font-medium hover:border-ink/30"
          />
        ) : null}
      </div>
      <p className="mb-6 text-sm text-ink-muted">
        {everyone
          ? `Every link made in ${workspace.name}. A revoked or expired link, and its images, answer “not found”.`
          : "The links you made, and links to your own generations. A revoked or expired link, and its images, answer “not found”."}{" "}
        A link works only while the person who made it could still make it: if they leave the workspace or lose the role
        that may share it, the link stops working too.
      </p>

      {links.length === 0 ? (
        <EmptyState title="No shared links yet">
          Use Share on a finished generation to make a link anyone can open without signing in.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-card border border-ink/10 bg-paper-raised">
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption className="sr-only">Share links, newest first</caption>
            <thead className="border-b border-ink/10 text-xs uppercase tracking-wide text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Shared</th>
                <th scope="col" className="px-4 py-3 font-medium">Created</th>
                <th scope="col" className="px-4 py-3 font-medium">Expires</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">Views</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink/10">
              {links.map((link) => (
                <tr key={link.id} data-testid="share-link-row" data-status={link.status}>
                  <td className="px-4 py-3">
                    <div className="flex items-center gap-3">
                      {link.thumbUrl ? (
                        // eslint-disable-next-line @next/next/no-img-element -- member-only file, already thumbnailed
                        <img src={link.thumbUrl} alt="" className="size-10 shrink-0 rounded-md bg-paper-sunk object-cover" />
                      ) : (
                        <span aria-hidden className="size-10 shrink-0 rounded-md bg-paper-sunk" />
                      )}
                      <div className="min-w-0">
                        <p className="line-clamp-1 max-w-xs font-medium" title={link.subject}>
                          {link.subject}
                        </p>
                        <p className="text-xs text-ink-muted">
                          {[
                            TARGET_LABEL[link.target],
                            link.hasPassword ? "Password" : null,
                            link.showReferences ? "References shown" : null,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                      </div>
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <When iso={link.createdAt} empty="" />
                    {everyone && link.createdByName ? <p className="text-xs text-ink-muted">by {link.createdByName}</p> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <When iso={link.expiresAt} empty="Never" />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                    <span data-testid="share-link-views">{link.viewCount}</span>
                    {link.lastViewedAt ? (
                      <p className="text-xs text-ink-muted">
                        last <When iso={link.lastViewedAt} empty="" />
                      </p>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS[link.status].style}`}>
                      {STATUS[link.status].label}
                    </span>
                    {link.revokedAt ? (
                      <p className="mt-1 text-xs text-ink-muted">
                        <When iso={link.revokedAt} empty="" />
                      </p>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    {link.status === "active" ? (
                      <div className="flex items-center justify-end gap-2">
                        <CopyLinkButton url={link.url} name={`Copy link to “${link.subject.slice(0, 60)}”`} />
                        <RevokeLinkButton workspace={workspace.slug} linkId={link.id} subject={link.subject} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
