import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import { emailSchema } from "@/lib/validations/auth";
import { REVIEW_FILTERS, type ReviewFilter } from "@/lib/validations/gallery-filters";
import { LIBRARY_NAME_MAX_LENGTH } from "@/lib/validations/generation-limits";
import { lineTextSchema, multilineTextSchema, workspaceRefSchema } from "@/lib/validations/text";

export { LIBRARY_NAME_MAX_LENGTH };

export const WORKSPACE_NAME_MAX_LENGTH = 60;
export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 40;
export const COMMENT_MAX_LENGTH = 2000;
export const MAX_DAILY_QUOTA = 100_000;

/**
 * Slugs that would shadow a route under /w/ (`/w/new`) or read as part of the product; a
 * workspace called "settings" would make /w/settings/… ambiguous to people, if not to the router.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "new",
  "api",
  "app",
  "admin",
  "activity",
  "create",
  "gallery",
  "invite",
  "members",
  "settings",
  "share",
  "s",
  "w",
  "sign-in",
  "sign-up",
  "login",
  "logout",
  "help",
  "support",
  "atelier",
]);

export const INVITE_EXPIRY_DAYS = [1, 7, 30] as const;

/** Roles an invitation or a role change can hand out; ownership moves only by transfer. */
export const ASSIGNABLE_ROLES = ["ADMIN", "EDITOR", "VIEWER"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

const id = recordIdSchema;
const workspace = workspaceRefSchema;

export const workspaceNameSchema = lineTextSchema
  .trim()
  .min(1, "workspace.nameRequired")
  .max(WORKSPACE_NAME_MAX_LENGTH);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN_LENGTH)
  .max(SLUG_MAX_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "workspace.slugFormat")
  .refine((s) => !RESERVED_SLUGS.has(s), "workspace.slugReserved");

/** A checkbox sends "on" when ticked and nothing at all when not. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const optionalText = (max: number, message: string) =>
  lineTextSchema
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || undefined);

export const createWorkspaceSchema = z.object({ name: workspaceNameSchema, slug: slugSchema });

export const renameWorkspaceSchema = z.object({ workspace, name: workspaceNameSchema });

export const deleteWorkspaceSchema = z.object({
  workspace,
  confirm: lineTextSchema.trim().min(1, "workspace.confirmRequired"),
});

export const memberTargetSchema = z.object({ workspace, userId: id });

export const changeRoleSchema = z.object({
  workspace,
  userId: id,
  role: z.enum(ASSIGNABLE_ROLES, { error: "workspace.roleChoice" }),
});

export const leaveWorkspaceSchema = z.object({ workspace });

export const inviteMemberSchema = z.object({
  workspace,
  role: z.enum(ASSIGNABLE_ROLES, { error: "workspace.inviteRoleChoice" }),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(emailSchema.optional()),
  expiresInDays: z.coerce
    .number()
    .refine((d): d is (typeof INVITE_EXPIRY_DAYS)[number] => (INVITE_EXPIRY_DAYS as readonly number[]).includes(d), {
      message: "workspace.expiryChoice",
    }),
  multiUse: checkbox,
});

export const revokeInvitationSchema = z.object({ workspace, invitationId: id });

/** 32 random bytes, base64url: exactly 43 characters. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "workspace.invitationInvalid");

export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });

/**
 * A daily image count typed into a form; empty (or absent) is null, which `notANumber` (an errors
 * code) explains. The bounds are said by the wrapper's generic codes, with their numbers.
 */
const dailyLimit = (min: number, notANumber: "workspace.capNotNumber" | "workspace.quotaNotNumber") =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce
      // Only "not a number" is said here: a schema-wide error would also replace the bounds' codes.
      .number({ error: (issue) => (issue.code === "invalid_type" ? notANumber : undefined) })
      .int("workspace.wholeNumber")
      .min(min)
      .max(MAX_DAILY_QUOTA)
      .nullable(),
  );

/** Null: no cap of their own, only the workspace quota applies. */
export const setMemberCapSchema = z.object({ workspace, userId: id, dailyCap: dailyLimit(0, "workspace.capNotNumber") });

/** Null: the deployment default (WORKSPACE_DAILY_QUOTA). */
export const setDailyQuotaSchema = z.object({ workspace, dailyQuota: dailyLimit(1, "workspace.quotaNotNumber") });

export const pinReferenceSchema = z.object({
  workspace,
  assetId: id,
  name: optionalText(LIBRARY_NAME_MAX_LENGTH, `Keep the name under ${LIBRARY_NAME_MAX_LENGTH} characters.`),
});

export const unpinReferenceSchema = z.object({ workspace, assetId: id });

export const addCommentSchema = z.object({
  workspace,
  generationId: id,
  body: multilineTextSchema
    .trim()
    .min(1, "Write something first.")
    .max(COMMENT_MAX_LENGTH, `Keep comments under ${COMMENT_MAX_LENGTH} characters.`),
});

export const REVIEW_STATUSES = ["APPROVED", "NEEDS_CHANGES"] as const;

/** The review filter in lists' search params (the gallery's and Activity's). */
export { REVIEW_FILTERS, type ReviewFilter };

export const setReviewSchema = z.object({
  workspace,
  generationId: id,
  // Empty clears the review.
  status: z
    .union([z.enum(REVIEW_STATUSES), z.literal("")], { error: "Pick approved or needs changes." })
    .transform((v) => (v === "" ? null : v)),
});

export const transferOwnershipSchema = memberTargetSchema;

export const API_KEY_NAME_MAX_LENGTH = 60;

export const createApiKeySchema = z.object({
  workspace,
  name: lineTextSchema
    .trim()
    .min(1, "workspace.keyNameRequired")
    .max(API_KEY_NAME_MAX_LENGTH),
  role: z.enum(["OWNER", "ADMIN", "EDITOR", "VIEWER"], { error: "workspace.keyRoleChoice" }),
});

export const revokeApiKeySchema = z.object({ workspace, keyId: id });

const suspendFlag = z.enum(["true", "false"]).transform((v) => v === "true");

export const suspendUserSchema = z.object({ email: emailSchema, suspended: suspendFlag });
export const suspendWorkspaceSchema = z.object({ workspaceId: id, suspended: suspendFlag });
