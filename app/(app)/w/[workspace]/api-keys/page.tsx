import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth";
import { keyRolesFor, listApiKeys } from "@/lib/data/api-keys";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { CreateKeyForm } from "./_components/create-key-form";
import { RevokeKeyButton } from "./_components/revoke-key-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.apiKeys");
  return { title: t("title") };
}

// Protocol words, the same in every language.
const ENDPOINT = "POST /images/generations";
const HEADER = "Authorization: Bearer <key>";

const code = (chunks: ReactNode) => <code className="rounded bg-ink/5 px-1 font-mono">{chunks}</code>;

export default async function ApiKeysPage({ params }: PageProps<"/w/[workspace]/api-keys">) {
  const viewer = await requireUser();
  const { workspace: slug } = await params;
  const workspace = await getWorkspaceAccess(viewer, slug);
  if (!workspace || !can(workspace.role, "apikey.create")) notFound();
  const [keys, t, tRoles, format] = await Promise.all([
    listApiKeys(viewer, workspace),
    getTranslations("workspace.apiKeys"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  const baseUrl = `${env.APP_URL.replace(/\/$/, "")}/api/v1`;
  const when = (iso: string) => format.dateTime(new Date(iso), "dateTime");

  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-2xl text-sm text-ink-muted">{t.rich("intro", { baseUrl, endpoint: ENDPOINT, header: HEADER, code })}</p>
      </header>

      <section aria-labelledby="new-key-heading" className="space-y-3">
        <h2 id="new-key-heading" className="text-lg font-semibold">
          {t("newKey")}
        </h2>
        <CreateKeyForm workspace={workspace.slug} roles={keyRolesFor(workspace.role)} />
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          {can(workspace.role, "apikey.revoke.any") ? t("allKeys") : t("yourKeys")}
        </h2>
        {keys.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-ink/10 rounded-card border border-ink/10 bg-paper-raised">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm" data-testid="api-key-row" data-name={k.name}>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {k.name} <code className="ml-1 font-mono text-xs text-ink-muted">{k.prefix}…</code>
                  </p>
                  <p className="text-ink-muted">
                    {tRoles(k.role)} · {k.own ? t("yours") : t("by", { name: k.owner })} · {t("created", { date: when(k.createdAt) })} ·{" "}
                    <span data-testid="api-key-last-used">{k.lastUsedAt ? t("lastUsed", { date: when(k.lastUsedAt) }) : t("neverUsed")}</span>
                  </p>
                </div>
                {k.revokedAt ? (
                  <span className="rounded-full bg-ink/5 px-2.5 py-0.5 text-xs font-medium" data-testid="api-key-revoked">
                    {t("revoked", { date: when(k.revokedAt) })}
                  </span>
                ) : (
                  <RevokeKeyButton workspace={workspace.slug} keyId={k.id} name={k.name} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
