import { lineTextSchema } from "@/lib/validations/text";

export const FILE_NAME_MAX_LENGTH = 255;
const DEFAULT_FILE_NAME = "image";

const fileNameSchema = lineTextSchema.trim().max(FILE_NAME_MAX_LENGTH, `Keep file names under ${FILE_NAME_MAX_LENGTH} characters.`);

/** Refused with a code for the page (errors.studio.upload.*) and the text rule's own English words. */
export type FileNameResult =
  | { ok: true; name: string }
  | { ok: false; code: "studio.upload.fileName" | "studio.upload.fileNameHeader"; message: string };

function check(raw: string): FileNameResult {
  const parsed = fileNameSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, code: "studio.upload.fileName", message: `The file name: ${parsed.error.issues[0]?.message ?? "not valid."}` };
  }
  return { ok: true, name: parsed.data || DEFAULT_FILE_NAME };
}

/**
 * The upload's `X-File-Name` header: the browser percent-encodes the name (headers carry only
 * Latin-1), so a value that does not decode, or decodes to control characters, is refused.
 * Missing or empty means "image".
 */
export function parseFileNameHeader(header: string | null): FileNameResult {
  if (!header) return { ok: true, name: DEFAULT_FILE_NAME };
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    return { ok: false, code: "studio.upload.fileNameHeader", message: "The X-File-Name header is not a percent-encoded file name." };
  }
  return check(decoded);
}

/** The multipart part's own name wins over the header's; both pass the same text rules. */
export function fileNameOf(partName: string, headerName: string): FileNameResult {
  return partName ? check(partName) : { ok: true, name: headerName };
}
