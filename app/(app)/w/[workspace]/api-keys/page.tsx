import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { keyRolesFor, listApiKeys } from "@/lib/data/api-keys";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { env } from "@/lib/env";
import { can } from "@/lib/permissions";
import { ROLE_LABEL } from "@/lib/validations/workspace";
import { CreateKeyForm } from "./_components/create-key-form";
import { RevokeKeyButton } from "./_components/revoke-key-button";

export const metadata: Metadata = { title: "API keys" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ApiKeysPage({ params }: PageProps<"/w/[workspace]/api-keys">) {
  const viewer = await requireUser();
  const { workspace: slug } = await params;
  const workspace = await getWorkspaceAccess(viewer, slug);
  if (!workspace || !can(workspace.role, "apikey.create")) notFound();
  const keys = await listApiKeys(viewer, workspace);
  const baseUrl = `${env.APP_URL.replace(/\/$/, "")}/api/v1`;

  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="mt-1 max-w-2xl text-sm text-ink-muted">
          Scripts call Atelier the way they would call an OpenAI-style image endpoint: base URL{" "}
          <code className="rounded bg-ink/5 px-1 font-mono">{baseUrl}</code>, <code className="font-mono">POST /images/generations</code>{" "}
          with <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Their images land in this workspace&apos;s gallery and
          count against the same quota and your daily cap.
        </p>
      </header>

      <section aria-labelledby="new-key-heading" className="space-y-3">
        <h2 id="new-key-heading" className="text-lg font-semibold">
          New key
        </h2>
        <CreateKeyForm workspace={workspace.slug} roles={keyRolesFor(workspace.role)} />
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          {can(workspace.role, "apikey.revoke.any") ? "Keys in this workspace" : "Your keys"}
        </h2>
        {keys.length === 0 ? (
          <p className="text-sm text-ink-muted">No keys yet.</p>
        ) : (
          <ul className="divide-y divide-ink/10 rounded-card border border-ink/10 bg-paper-raised">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm" data-testid="api-key-row" data-name={k.name}>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {k.name} <code className="ml-1 font-mono text-xs text-ink-muted">{k.prefix}…</code>
                  </p>
                  <p className="text-ink-muted">
                    {ROLE_LABEL[k.role]} · {k.own ? "yours" : `by ${k.owner}`} · created {dateFormat.format(new Date(k.createdAt))} ·{" "}
                    <span data-testid="api-key-last-used">
                      {k.lastUsedAt ? `last used ${dateFormat.format(new Date(k.lastUsedAt))}` : "never used"}
                    </span>
                  </p>
                </div>
                {k.revokedAt ? (
                  <span className="rounded-full bg-ink/5 px-2.5 py-0.5 text-xs font-medium" data-testid="api-key-revoked">
                    Revoked {dateFormat.format(new Date(k.revokedAt))}
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
