"use client";

import { useTranslations } from "next-intl";
import { RevokeButton } from "@/components/workspace/revoke-button";
import { revokeShareLinkAction } from "@/lib/actions/revoke-share-link";

export function RevokeLinkButton({ workspace, linkId, subject }: { workspace: string; linkId: string; subject: string }) {
  const t = useTranslations("workspace.shared");
  const name = subject.length > 60 ? `${subject.slice(0, 59)}…` : subject;
  return <RevokeButton action={revokeShareLinkAction} fields={{ workspace, linkId }} what={t("what", { subject: name })} />;
}
