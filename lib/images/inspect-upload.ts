import { readHeader } from "./decode";
import { type EncodedImage, normaliseReference } from "./encode";
import { ACCEPTED_LABELS, type LooksLike, sniffImage } from "./formats";
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from "./limits";

/** An upload we will not take. `message` is safe to show to the person who uploaded it. */
export class UploadRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UploadRejectedError";
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

function unreadable(name: string, looksLike: LooksLike): string {
  switch (looksLike.kind) {
    case "text":
      return `${name} is not an image we can read (it looks like text)`;
    case "svg":
      return `${name} is not an image we can read (SVG drawings are not accepted)`;
    case "unknown":
      return `${name} is not an image we can read (we do not recognise its format)`;
    case "file":
      return `${name} is not an image we can read (it looks like a ${looksLike.ext.toUpperCase()} file)`;
    case "image":
      return `${name} is a ${looksLike.ext.toUpperCase()} image, which we do not accept; please use ${ACCEPTED_LABELS}`;
  }
}

/**
 * Checks an uploaded file before anything else touches it: size, the real type from its bytes,
 * dimensions from its header; then makes the reference from it in one decode, which also catches
 * damaged files. Throws UploadRejectedError naming the file.
 */
export async function acceptUpload(bytes: Buffer, fileName: string): Promise<AcceptedUpload> {
  const name = displayName(fileName);
  if (bytes.length === 0) throw new UploadRejectedError(`${name} is empty`);
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new UploadRejectedError(`${name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }

  const sniffed = await sniffImage(bytes);
  if (!sniffed.accepted) throw new UploadRejectedError(unreadable(name, sniffed.looksLike));
  const { format } = sniffed;

  const damaged = (cause?: unknown) =>
    new UploadRejectedError(`${name} is damaged or incomplete, so we cannot read it`, { cause });
  const header = await readHeader(bytes).catch((cause: unknown) => {
    throw damaged(cause);
  });
  // Pixels are decoded only by the decoder the sniffed type implies, never by another (SVG, say).
  if (header.format !== format.decoder || !header.width || !header.height) throw damaged();
  if (header.width * header.height > MAX_INPUT_PIXELS) {
    throw new UploadRejectedError(
      `${name} is ${header.width}×${header.height} pixels; the limit is ${MAX_INPUT_PIXELS / 1_000_000} megapixels`,
    );
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
