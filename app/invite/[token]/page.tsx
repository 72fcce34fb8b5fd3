import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { getViewer } from "@/lib/auth";
import { previewInvitation, type InvitationState } from "@/lib/data/invitations";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { appUrls, workspaceUrls } from "@/lib/urls";
import { invitationTokenSchema, ROLE_LABEL } from "@/lib/validations/workspace";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";

// The token is in this page's URL: never hand it to another site in a Referer header.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false } };

const STATE_TEXT: Record<Exclude<InvitationState, "valid">, string> = {
  expired: "This invitation has expired.",
  revoked: "This invitation was withdrawn.",
  used: "This invitation has already been used.",
  lapsed: "This invitation no longer works: whoever made it can no longer invite people with this role.",
};

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
  const { token } = await params;
  const parsed = invitationTokenSchema.safeParse(token);
  const invitation = parsed.success ? await previewInvitation(parsed.data) : null;
  if (!parsed.success || !invitation) {
    return (
      <Card title="Invitation not found">
        <p className="text-sm text-ink-muted">Check that you copied the whole link, or ask for a new one.</p>
      </Card>
    );
  }
  if (invitation.state !== "valid") {
    return (
      <Card title="This link no longer works">
        <p className="text-sm text-ink-muted">
          {STATE_TEXT[invitation.state]} Ask {invitation.invitedBy ?? "the person who sent it"} for a new one.
        </p>
      </Card>
    );
  }

  const role = ROLE_LABEL[invitation.role].toLowerCase();
  const intro = (
    <p className="text-sm text-ink-soft">
      {invitation.invitedBy ?? "Someone"} invited you to join <strong>{invitation.workspaceName}</strong> as {/^[aeiou]/.test(role) ? "an" : "a"}{" "}
      <strong>{role}</strong>.
      {invitation.email ? ` The invitation is for ${invitation.email}.` : null}
    </p>
  );
  const here = appUrls.invitation(parsed.data);
  const viewer = await getViewer();

  if (!viewer) {
    return (
      <Card title={`Join ${invitation.workspaceName}`}>
        {intro}
        <div className="flex flex-col gap-2 pt-2">
          <Link href={appUrls.signUp(here)} className={buttonClass("primary")}>
            Create an account to join
          </Link>
          <Link href={appUrls.signIn(here)} className={buttonClass("secondary")}>
            I have an account: sign in
          </Link>
        </div>
      </Card>
    );
  }

  if (await getWorkspaceAccess(viewer, invitation.workspaceSlug)) {
    return (
      <Card title={`You're already in ${invitation.workspaceName}`}>
        <Link href={workspaceUrls.create(invitation.workspaceSlug)} className={buttonClass("primary")}>
          Open {invitation.workspaceName}
        </Link>
      </Card>
    );
  }

  const wrongAddress = invitation.email !== null && invitation.email !== viewer.email.toLowerCase();
  return (
    <Card title={`Join ${invitation.workspaceName}`}>
      {intro}
      {wrongAddress ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          You are signed in as {viewer.email}. Sign out, open this link again and sign in as {invitation.email} to accept it.
        </p>
      ) : (
        <AcceptInvitationForm token={parsed.data} workspaceName={invitation.workspaceName} />
      )}
    </Card>
  );
}
