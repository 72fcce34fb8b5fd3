import pLimit from "p-limit";
import { REFERENCE_KEEP_MAX_BYTES, REFERENCE_MAX_SIDE } from "@/lib/images/limits";

/** Canvas JPEG quality: a 12 MP phone photo at ~2000 px comes to about 0.5–1 MB. */
const QUALITY = 0.88;

/** What the canvas draws from: an ImageBitmap, or a WebCodecs frame (a VideoFrame). */
interface Picture {
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/**
 * A JPEG photo bigger than the server keeps, scaled in the browser to at most the server's
 * maximum side and re-encoded as JPEG before it is sent: a 7 MB photo travels as ~0.5 MB, and
 * the server, which still checks everything, stores it as it comes (lib/images/encode.ts) instead
 * of decoding 12 MP. Only JPEGs: other types may carry transparency or frames a canvas JPEG would
 * drop. Anything that cannot be done here (an unreadable file, an old browser) is sent unchanged,
 * for the server to judge and name.
 */
export function downsizePhoto(file: File): Promise<File> {
  if (file.type !== "image/jpeg" || typeof OffscreenCanvas === "undefined") return Promise.resolve(file);
  return queue()(() => downsize(file));
}

/**
 * Photos picked together are downsized a few at a time (one per two cores), not all at once: the
 * first one leaves after one decode and uploads while the next is decoded, instead of all five
 * sharing the processor and leaving together at the end.
 */
let limit: ReturnType<typeof pLimit> | null = null;
const queue = () => (limit ??= pLimit(Math.max(1, Math.floor((navigator.hardwareConcurrency || 2) / 2))));

async function downsize(file: File): Promise<File> {
  // A file small enough to keep may already fit: only a full decode tells its real size.
  const picture = (file.size > REFERENCE_KEEP_MAX_BYTES ? await scaledDecode(file) : null) ?? (await fullDecode(file));
  if (!picture) return file;
  try {
    const scale = Math.min(1, REFERENCE_MAX_SIDE / Math.max(picture.width, picture.height));
    if (scale === 1 && file.size <= REFERENCE_KEEP_MAX_BYTES) return file;
    const canvas = new OffscreenCanvas(Math.round(picture.width * scale), Math.round(picture.height * scale));
    const context = canvas.getContext("2d");
    if (!context) return file;
    context.imageSmoothingQuality = "high";
    context.drawImage(picture.source, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: QUALITY });
    return blob.size < file.size ? new File([blob], file.name, { type: "image/jpeg", lastModified: file.lastModified }) : file;
  } catch {
    return file;
  } finally {
    picture.close();
  }
}

/**
 * WebCodecs' ImageDecoder decodes a JPEG at a fraction of its size in the DCT itself (Chromium
 * takes the largest n/8 scale whose area fits the desired width × height), so a 12 MP photo is
 * decoded at 2016 × 1512 in a third of the time a full decode takes, and never held at 12 MP.
 * A photo stored sideways (EXIF orientation) comes as a frame that says its quarter turn
 * (`rotation` 0/90/180/270, `flip` false); drawImage turns it and its display size is the turned
 * one (measured in Chromium 150: rotation 90, display 1512 × 2016 from coded 2016 × 1512, drawn
 * into a half-size rectangle the right way round; e2e/references.spec.ts holds the shape and the
 * orientation). A frame that says nothing of its rotation (an older browser) or is mirrored takes
 * the full decode, which applies the EXIF orientation itself. Any failure (no ImageDecoder, a
 * photo too big for 1/8 to fit) answers null and the full decode is tried.
 */
async function scaledDecode(file: File): Promise<Picture | null> {
  if (typeof ImageDecoder === "undefined") return null;
  let decoder: ImageDecoder | undefined;
  try {
    decoder = new ImageDecoder({ data: file.stream(), type: file.type, desiredWidth: REFERENCE_MAX_SIDE, desiredHeight: REFERENCE_MAX_SIDE });
    const { image } = await decoder.decode();
    const { rotation, flip } = image as { rotation?: unknown; flip?: unknown };
    if (![0, 90, 180, 270].includes(rotation as number) || flip !== false) {
      image.close();
      return null;
    }
    return { source: image, width: image.displayWidth, height: image.displayHeight, close: () => image.close() };
  } catch {
    return null;
  } finally {
    decoder?.close();
  }
}

async function fullDecode(file: File): Promise<Picture | null> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  } catch {
    return null;
  }
}
