import { REFERENCE_KEEP_MAX_BYTES, REFERENCE_MAX_SIDE } from "@/lib/images/limits";

/** Canvas JPEG quality: a 12 MP phone photo at 2048 px comes to about 1 MB. */
const QUALITY = 0.88;

/**
 * A JPEG photo bigger than the server keeps, scaled in the browser to the server's maximum side
 * and re-encoded as JPEG before it is sent: a 7 MB photo travels as ~1 MB, and the server, which
 * still checks everything, stores it as it comes (lib/images/encode.ts) instead of decoding
 * 12 MP. Only JPEGs: other types may carry transparency or frames a canvas JPEG would drop.
 * Anything that cannot be done here (an unreadable file, an old browser) is sent unchanged,
 * for the server to judge and name.
 */
export async function downsizePhoto(file: File): Promise<File> {
  if (file.type !== "image/jpeg" || typeof OffscreenCanvas === "undefined") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  try {
    const scale = Math.min(1, REFERENCE_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= REFERENCE_KEEP_MAX_BYTES) return file;
    const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    const context = canvas.getContext("2d");
    if (!context) return file;
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: QUALITY });
    return blob.size < file.size ? new File([blob], file.name, { type: "image/jpeg", lastModified: file.lastModified }) : file;
  } catch {
    return file;
  } finally {
    bitmap.close();
  }
}
