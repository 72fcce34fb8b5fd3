import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { getViewer } from "@/lib/auth";
import { previewInvitation } from "@/lib/data/invitations";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { appUrls, workspaceUrls } from "@/lib/urls";
import { invitationTokenSchema } from "@/lib/validations/workspace";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";

// The token is in this page's URL: never hand it to another site in a Referer header.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.invite");
  return { title: t("metaTitle"), referrer: "no-referrer", robots: { index: false } };
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Link href={appUrls.home} className="mb-8 text-xl font-semibold tracking-tight">
        Atelier
      </Link>
      <div className="w-full max-w-md space-y-4 rounded-card border border-ink/10 bg-paper-raised p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {children}
      </div>
      <LocaleSwitcher className="mt-6" />
    </main>
  );
}

/**
 * Whoever holds the link sees whose workspace it is and the role it grants. Signed-out visitors
 * go through sign-up or sign-in and come back here (callbackUrl); joining is a button press, not a
 * side effect of opening a URL.
 */
export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const [{ token }, t] = await Promise.all([params, getTranslations("auth.invite")]);
  const parsed = invitationTokenSchema.safeParse(token);
  const invitation = parsed.success ? await previewInvitation(parsed.data) : null;
  if (!parsed.success || !invitation) {
    return (
      <Card title={t("notFound.title")}>
        <p className="text-sm text-ink-muted">{t("notFound.body")}</p>
      </Card>
    );
  }
  if (invitation.state !== "valid") {
    return (
      <Card title={t("gone.title")}>
        <p className="text-sm text-ink-muted">
          {t(`gone.${invitation.state}`)}{" "}
          {invitation.invitedBy ? t("gone.askFor", { name: invitation.invitedBy }) : t("gone.askSender")}
        </p>
      </Card>
    );
  }

  const workspace = invitation.workspaceName;
  const intro = (
    <p className="text-sm text-ink-soft">
      {t.rich("intro", {
        inviter: invitation.invitedBy ?? t("someone"),
        workspace,
        role: invitation.role,
        // "none" stands for an invitation open to any address (ICU select needs a word).
        email: invitation.email ?? "none",
        b: (chunks) => <strong>{chunks}</strong>,
      })}
    </p>
  );
  const here = appUrls.invitation(parsed.data);
  const viewer = await getViewer();

  if (!viewer) {
    return (
      <Card title={t("join", { workspace })}>
        {intro}
        <div className="flex flex-col gap-2 pt-2">
          <Link href={appUrls.signUp(here)} className={buttonClass("primary")}>
            {t("createToJoin")}
          </Link>
          <Link href={appUrls.signIn(here)} className={buttonClass("secondary")}>
            {t("signInToJoin")}
          </Link>
        </div>
      </Card>
    );
  }

  if (await getWorkspaceAccess(viewer, invitation.workspaceSlug)) {
    return (
      <Card title={t("already", { workspace })}>
        <Link href={workspaceUrls.create(invitation.workspaceSlug)} className={buttonClass("primary")}>
          {t("open", { workspace })}
        </Link>
      </Card>
    );
  }

  const invited = invitation.email;
  return (
    <Card title={t("join", { workspace })}>
      {intro}
      {invited !== null && invited !== viewer.email.toLowerCase() ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {t("wrongAddress", { current: viewer.email, invited })}
        </p>
      ) : (
        <AcceptInvitationForm token={parsed.data} workspaceName={workspace} />
      )}
    </Card>
  );
}
