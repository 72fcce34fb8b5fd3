import { englishText, problem, type Problem, type ProblemCode, type ProblemParams } from "@/lib/i18n/problems";
import { readHeader } from "./decode";
import { type EncodedImage, normaliseReference } from "./encode";
import { HEIC_ACCEPTED, type LooksLike, sniffImage } from "./formats";
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from "./limits";

/**
 * An upload we will not take, as a code of errors.studio.upload with the file's name (and what
 * is wrong with it) as values; `message` is the same in English, for logs and the public API.
 */
export class UploadRejectedError extends Error {
  readonly problem: Problem;
  constructor(code: ProblemCode, params: ProblemParams, options?: { cause?: unknown }) {
    const p = problem(code, params);
    super(englishText(p), options);
    this.name = "UploadRejectedError";
    this.problem = p;
  }
}

export interface AcceptedUpload {
  /** The type sniffed from the bytes. */
  mime: string;
  /** As displayed, after EXIF orientation. */
  width: number;
  height: number;
  bytes: number;
  /** An animated GIF, WebP or PNG: only its first frame is used. */
  animated: boolean;
  /** The reference made from it (normaliseReference), to store. */
  reference: EncodedImage;
}

const NAME_MAX = 80;

/** The file name as it may appear in a message: no directories, no control characters, not too long. */
function displayName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? "").replace(/[\p{Cc}\p{Cf}]/gu, "").trim();
  if (base === "") return "This file";
  return base.length > NAME_MAX ? `${base.slice(0, NAME_MAX - 1)}…` : base;
}

function unreadable(name: string, looksLike: LooksLike): UploadRejectedError {
  switch (looksLike.kind) {
    case "text":
      return new UploadRejectedError("studio.upload.text", { name });
    case "svg":
      return new UploadRejectedError("studio.upload.svg", { name });
    case "unknown":
      return new UploadRejectedError("studio.upload.unknown", { name });
    case "file":
      return new UploadRejectedError("studio.upload.file", { name, ext: looksLike.ext.toUpperCase() });
    case "image":
      // The catalogue names the formats in each language; whether HEIC is among them depends on the build of libvips.
      return new UploadRejectedError("studio.upload.wrongImage", { name, ext: looksLike.ext.toUpperCase(), heic: HEIC_ACCEPTED ? "yes" : "no" });
  }
}

/**
 * Checks an uploaded file before anything else touches it: size, the real type from its bytes,
 * dimensions from its header; then makes the reference from it in one decode, which also catches
 * damaged files. Throws UploadRejectedError naming the file.
 */
export async function acceptUpload(bytes: Buffer, fileName: string): Promise<AcceptedUpload> {
  const name = displayName(fileName);
  if (bytes.length === 0) throw new UploadRejectedError("studio.upload.empty", { name });
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadRejectedError("studio.upload.tooLarge", { name, mb: MAX_UPLOAD_BYTES / 1024 / 1024 });

  const sniffed = await sniffImage(bytes);
  if (!sniffed.accepted) throw unreadable(name, sniffed.looksLike);
  const { format } = sniffed;

  const damaged = (cause?: unknown) => new UploadRejectedError("studio.upload.damaged", { name }, { cause });
  const header = await readHeader(bytes).catch((cause: unknown) => {
    throw damaged(cause);
  });
  // Pixels are decoded only by the decoder the sniffed type implies, never by another (SVG, say).
  if (header.format !== format.decoder || !header.width || !header.height) throw damaged();
  if (header.width * header.height > MAX_INPUT_PIXELS) {
    throw new UploadRejectedError("studio.upload.tooManyPixels", {
      name,
      // As the file says it, not as a formatted number: "20000×20000".
      dimensions: `${header.width}×${header.height}`,
      megapixels: MAX_INPUT_PIXELS / 1_000_000,
    });
  }

  const reference = await normaliseReference(bytes, header).catch((cause: unknown) => {
    throw damaged(cause);
  });

  return {
    mime: format.mime,
    width: header.autoOrient.width,
    height: header.autoOrient.height,
    bytes: bytes.length,
    animated: (header.pages ?? 1) > 1,
    reference,
  };
}
