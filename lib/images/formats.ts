import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

/** The image types we accept, as sniffed from the bytes: the MIME type, a label for people, and sharp's decoder. */
export interface AcceptedFormat {
  mime: string;
  label: string;
  decoder: string;
}

/** Prebuilt sharp decodes AVIF but not HEIC (HEVC is patent-encumbered); a custom libvips may do both. */
const heicDecodable = sharp.format.heif.input.fileSuffix?.includes(".heic") ?? false;

/** Keyed by file-type's `ext`. An APNG is read as its first frame, like any PNG decoder does. */
const ACCEPTED: Record<string, AcceptedFormat> = {
  png: { mime: "image/png", label: "PNG", decoder: "png" },
  apng: { mime: "image/png", label: "PNG", decoder: "png" },
  jpg: { mime: "image/jpeg", label: "JPEG", decoder: "jpeg" },
  webp: { mime: "image/webp", label: "WebP", decoder: "webp" },
  gif: { mime: "image/gif", label: "GIF", decoder: "gif" },
  avif: { mime: "image/avif", label: "AVIF", decoder: "heif" },
  ...(heicDecodable ? { heic: { mime: "image/heic", label: "HEIC", decoder: "heif" } } : {}),
};

/** Whether HEIC is among the accepted types (refusals name the accepted ones; see errors.studio.upload.wrongImage). */
export const HEIC_ACCEPTED = heicDecodable;

/** What refused bytes seem to be, so a message can say so. */
export type LooksLike =
  | { kind: "text" | "svg" | "unknown" }
  /** A type file-type knows: an image type we do not accept, or some other file. */
  | { kind: "image" | "file"; ext: string };

export type Sniffed = { accepted: true; format: AcceptedFormat } | { accepted: false; looksLike: LooksLike };

const TEXT_SAMPLE_BYTES = 4096;
/** Control characters that never appear in text files (tab, newlines, form feed and ESC do). */
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/;

function sampleText(bytes: Buffer): string | null {
  try {
    // `stream: true` lets the sample end in the middle of a multi-byte character.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, TEXT_SAMPLE_BYTES), {
      stream: true,
    });
    return BINARY_CONTROL.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** What the bytes are, judged by their content only: a file's name or declared type is never trusted. */
export async function sniffImage(bytes: Buffer): Promise<Sniffed> {
  const type = await fileTypeFromBuffer(bytes);
  const format = type && ACCEPTED[type.ext];
  if (format) return { accepted: true, format };
  const refuse = (looksLike: LooksLike): Sniffed => ({ accepted: false, looksLike });
  // file-type recognises an SVG only as XML, and only when it starts with an XML declaration.
  if (!type || type.ext === "xml") {
    const text = sampleText(bytes);
    if (text !== null && /<svg[\s>]/i.test(text)) return refuse({ kind: "svg" });
    if (text !== null && !type) return refuse({ kind: "text" });
  }
  if (!type) return refuse({ kind: "unknown" });
  return refuse({ kind: type.mime.startsWith("image/") ? "image" : "file", ext: type.ext });
}
