/** The sizes every image endpoint accepts, and how many references one request may carry (no zod here: the browser imports these). */
export const IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536"] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

/** The most reference images one request may carry. */
export const MAX_REFERENCE_IMAGES = 5;
