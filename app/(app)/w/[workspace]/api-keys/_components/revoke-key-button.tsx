"use client";

import { useTranslations } from "next-intl";
import { RevokeButton } from "@/components/workspace/revoke-button";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";

export function RevokeKeyButton({ workspace, keyId, name }: { workspace: string; keyId: string; name: string }) {
  const t = useTranslations("workspace.apiKeys");
  return <RevokeButton action={revokeApiKeyAction} fields={{ workspace, keyId }} what={t("what", { name })} />;
}
