import { z } from "zod";

/** A row id as it may appear in a URL or a form (cuid or uuid): anything else is not ours. */
export const recordIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id.");
