"use server";

import { signOut } from "@/lib/auth";
import { appUrls } from "@/lib/urls";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: appUrls.home });
}
