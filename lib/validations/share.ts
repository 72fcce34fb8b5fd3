import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import { workspaceRefSchema } from "@/lib/validations/text";

export const SHARE_PASSWORD_MIN_LENGTH = 8;

/** randomBytes(24) as base64url: 192 bits, always 32 characters. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, "Not a share link.");

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
    z
      .string()
      .min(SHARE_PASSWORD_MIN_LENGTH, `Use at least ${SHARE_PASSWORD_MIN_LENGTH} characters, or leave it empty.`)
      .max(200, "Use at most 200 characters.")
      .optional(),
  ),
  expiresIn: z.enum(expiryKeys, { error: "Pick one of the offered expiry times." }).default("never"),
});

export const createShareLinkSchema = z.discriminatedUnion(
  "target",
  [
    shareOptions.extend({ target: z.literal("GENERATION"), generationId: id }),
    shareOptions.extend({ target: z.literal("COLLECTION"), collectionId: id }),
    shareOptions.extend({ target: z.literal("WORKSPACE") }),
  ],
  { error: "Choose what to share." },
);

export type CreateShareLinkInput = z.output<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ workspace: workspaceRefSchema, linkId: id });

export const unlockShareLinkSchema = z.object({
  token: shareTokenSchema,
  password: z.string().min(1, "Enter the password.").max(200, "Use at most 200 characters."),
});

export const remixSharedSchema = z.object({ token: shareTokenSchema, generationId: id.optional() });

/** The page of a shared gallery; anything odd reads as the first page rather than an error. */
export const sharePageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
