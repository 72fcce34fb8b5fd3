"use client";

import { RevokeButton } from "@/components/workspace/revoke-button";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";

export function RevokeKeyButton({ workspace, keyId, name }: { workspace: string; keyId: string; name: string }) {
  return <RevokeButton action={revokeApiKeyAction} fields={{ workspace, keyId }} what={`key “${name}”`} />;
}
