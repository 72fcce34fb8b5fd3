import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import { workspaceRefSchema } from "@/lib/validations/text";

export const SHARE_PASSWORD_MIN_LENGTH = 8;

/** randomBytes(24) as base64url: 192 bits, always 32 characters. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, "gallery.notAShareLink");

const id = recordIdSchema;

/** Expiry presets offered in the dialog, in days; "never" keeps the link until it is revoked. */
export const SHARE_EXPIRIES = ["never", "1", "7", "30", "90"] as const;

export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];

const expiryKeys = SHARE_EXPIRIES;

// A checkbox sends "on" when ticked and nothing at all when not.
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v === "" ? undefined : v);

const shareOptions = z.object({
  workspace: workspaceRefSchema,
  showReferences: checkbox.default(false),
  password: z.preprocess(
    emptyToUndefined,
    // Too short or too long: the wrapper's field.* codes carry the bound; the dialog's hint says it is optional.
    z.string().min(SHARE_PASSWORD_MIN_LENGTH).max(200).optional(),
  ),
  expiresIn: z.enum(expiryKeys, { error: "gallery.shareExpiry" }).default("never"),
});

export const createShareLinkSchema = z.discriminatedUnion(
  "target",
  [
    shareOptions.extend({ target: z.literal("GENERATION"), generationId: id }),
    shareOptions.extend({ target: z.literal("COLLECTION"), collectionId: id }),
    shareOptions.extend({ target: z.literal("WORKSPACE") }),
  ],
  { error: "gallery.shareTarget" },
);

export type CreateShareLinkInput = z.output<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ workspace: workspaceRefSchema, linkId: id });

export const unlockShareLinkSchema = z.object({
  token: shareTokenSchema,
  password: z.string().min(1, "gallery.linkPasswordRequired").max(200),
});

export const remixSharedSchema = z.object({ token: shareTokenSchema, generationId: id.optional() });

/** The page of a shared gallery; anything odd reads as the first page rather than an error. */
export const sharePageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
