import "server-only";
import { randomBytes } from "node:crypto";
import { done, refused } from "@/lib/data/outcome";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { hashPassword } from "@/lib/passwords";
import type { SignUpInput } from "@/lib/validations/auth";

function slugify(text: string): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32);
  return base || "studio";
}

/** A slug that reads well and cannot collide: the name plus a short random tail. */
export function personalWorkspaceSlug(nameOrEmail: string): string {
  return `${slugify(nameOrEmail.split("@")[0] ?? nameOrEmail)}-${randomBytes(3).toString("hex")}`;
}

/** "Grace" of "Grace Hopper": what a personal workspace is named after. */
export const firstName = (displayName: string) => displayName.split(/\s+/)[0] || displayName;

/**
 * `name` is the personal workspace's name in the signer's language (the action words it); scripts
 * and tests that do not care get the English form.
 */
function personalWorkspaceData(userId: string, displayName: string, name = `${firstName(displayName)}'s studio`) {
  return {
    slug: personalWorkspaceSlug(displayName),
    name,
    personal: true,
    memberships: { create: { userId, role: "OWNER" as const } },
  };
}

/** The new user with their personal workspace; refused (auth.emailTaken) when the email has an account. */
export async function createUserWithPassword(input: SignUpInput, workspaceName?: string) {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash } });
      await tx.workspace.create({ data: personalWorkspaceData(created.id, input.name, workspaceName) });
      return created;
    });
    return done(user);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return refused("auth.emailTaken", undefined, "email");
    throw e;
  }
}

/** Called when Auth.js creates a user through an OAuth provider. */
export async function ensurePersonalWorkspace(userId: string, displayName: string, workspaceName?: string) {
  const existing = await db.membership.findFirst({ where: { userId, workspace: { personal: true } } });
  if (existing) return;
  await db.workspace.create({ data: personalWorkspaceData(userId, displayName, workspaceName) });
}

/** A suspended account (instance administration) cannot sign in: it is not found here. */
export function findUserWithPasswordHash(email: string) {
  return db.user.findUnique({ where: { email, suspendedAt: null }, omit: { passwordHash: false } });
}

/** The session's user; null for a suspended one, so a suspension ends every session at its next request. */
export function findUserById(id: string) {
  return db.user.findUnique({ where: { id, suspendedAt: null }, select: { id: true, name: true, email: true, image: true } });
}

/** The language a person chose with the switcher, or null when they never did. */
export async function findUserLocale(id: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id }, select: { locale: true } }))?.locale ?? null;
}

export async function setUserLocale(id: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id }, data: { locale } });
}
