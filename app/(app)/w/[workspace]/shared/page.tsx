import type { Metadata } from "next";
import { useFormatter } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { ShareButton } from "@/components/share/share-button";
import { EmptyState } from "@/components/ui/empty-state";
import { listShareLinks, type ShareLinkStatus } from "@/lib/data/share/links";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { RevokeLinkButton } from "./_components/revoke-link-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.shared");
  return { title: t("title") };
}

const STATUS_STYLE: Record<ShareLinkStatus, string> = {
  active: "bg-success-soft text-success",
  expired: "bg-ink/5 text-ink-muted",
  revoked: "bg-danger-soft text-danger",
};

function When({ iso, empty }: { iso: string | null; empty: string }) {
  const format = useFormatter();
  return iso ? <time dateTime={iso}>{format.dateTime(new Date(iso), "dateTime")}</time> : <span className="text-ink-muted">{empty}</span>;
}

export default async function SharedLinksPage({ params }: PageProps<"/w/[workspace]/shared">) {
  const [{ viewer, workspace }, t, tRoles, format] = await Promise.all([
    requireWorkspace(params),
    getTranslations("workspace.shared"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  if (!can(workspace.role, "share.create.own")) {
    return (
      <>
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <EmptyState title={t("needEditor")}>{t("needEditorBody", { workspace: workspace.name, role: tRoles(workspace.role) })}</EmptyState>
      </>
    );
  }
  const links = await listShareLinks(viewer, workspace);
  const everyone = can(workspace.role, "share.revoke.any");

  return (
    <>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        {can(workspace.role, "share.create.any") ? (
          <ShareButton
            workspace={workspace.slug}
            target={{ type: "WORKSPACE" }}
            subject={t("everything", { workspace: workspace.name })}
            label={t("shareAll")}
            className="rounded-lg border border-ink/15 bg-paper-raised px-4 py-2 text-sm font-medium hover:border-ink/30"
          />
        ) : null}
      </div>
      <p className="mb-6 text-sm text-ink-muted">
        {everyone ? t("everyone", { workspace: workspace.name }) : t("own")} {t("lapse")}
      </p>

      {links.length === 0 ? (
        <EmptyState title={t("none")}>{t("noneBody")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-card border border-ink/10 bg-paper-raised">
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-ink/10 text-xs uppercase tracking-wide text-ink-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">{t("colShared")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("colCreated")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("colExpires")}</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">{t("colViews")}</th>
                <th scope="col" className="px-4 py-3 font-medium">{t("colStatus")}</th>
                <th scope="col" className="px-4 py-3 font-medium">
                  <span className="sr-only">{t("colActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink/10">
              {links.map((link) => ({ ...link, subject: link.subject ?? t(`subjectFallback.${link.target}`, { workspace: workspace.name }) })).map((link) => (
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
                            t(`target.${link.target}`),
                            link.hasPassword ? t("password") : null,
                            link.showReferences ? t("references") : null,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                      </div>
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <When iso={link.createdAt} empty="" />
                    {everyone && link.createdByName ? <p className="text-xs text-ink-muted">{t("by", { name: link.createdByName })}</p> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <When iso={link.expiresAt} empty={t("never")} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                    <span data-testid="share-link-views">{format.number(link.viewCount)}</span>
                    {link.lastViewedAt ? (
                      <p className="text-xs text-ink-muted">
                        {t("last")} <When iso={link.lastViewedAt} empty="" />
                      </p>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLE[link.status]}`}>
                      {t(`status.${link.status}`)}
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
                        <CopyLinkButton url={link.url} name={t("copy", { subject: link.subject.slice(0, 60) })} />
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
