/** Uploads above this are refused before any decoding. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Width × height above this is refused from the header alone, before decoding: 50 megapixels is
 * above any phone or camera photo (a 48 MP sensor fits) while capping decode memory near 200 MB.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/** References are scaled so their longest side is at most this; image endpoints work at ≤ 2048. */
export const REFERENCE_MAX_SIDE = 2048;

/**
 * A JPEG upload already within REFERENCE_MAX_SIDE, upright and without metadata is stored as it
 * came (a photo the browser downsized) when it is at most this big; larger ones are re-encoded.
 */
export const REFERENCE_KEEP_MAX_BYTES = 2 * 1024 * 1024;

export const THUMBNAIL_WIDTH = 512;
