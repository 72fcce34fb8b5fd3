import sharp from "sharp";

const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "heif"]);
const DATA_URL = /^data:([^,]*?),(.*)$/s;

export class ReferenceImageError extends Error {}

export interface ReferenceLimits {
  fetchTimeoutMs: number;
  maxBytes: number;
}

/** Turns one `image` entry into image bytes, or throws ReferenceImageError with a message fit for the client. */
export async function loadReference(ref: string, limits: ReferenceLimits): Promise<Buffer> {
  const bytes = ref.startsWith("data:") ? decodeDataUrl(ref, limits) : await fetchReference(ref, limits);
  await assertImage(bytes);
  return bytes;
}

function decodeDataUrl(ref: string, limits: ReferenceLimits): Buffer {
  const match = DATA_URL.exec(ref);
  const params = match?.[1]?.split(";") ?? [];
  if (!match || !params.includes("base64")) {
    throw new ReferenceImageError("data URL must be base64-encoded (data:image/<type>;base64,...)");
  }
  const payload = (match[2] ?? "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload) || payload.length === 0) {
    throw new ReferenceImageError("data URL payload is not valid base64");
  }
  const bytes = Buffer.from(payload, "base64");
  if (bytes.length > limits.maxBytes) throw new ReferenceImageError(`image is larger than ${limits.maxBytes} bytes`);
  return bytes;
}

async function fetchReference(ref: string, limits: ReferenceLimits): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw new ReferenceImageError("not a valid URL; expected an http(s) URL or a data: URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ReferenceImageError(`unsupported URL scheme "${url.protocol}"; expected http(s) or data:`);
  }
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.fetchTimeoutMs) });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "timed out" : describe(error);
    throw new ReferenceImageError(`failed to download ${url.href}: ${reason}`);
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (!response.ok || declared > limits.maxBytes) {
    await response.body?.cancel();
    const reason = response.ok ? `larger than ${limits.maxBytes} bytes` : `HTTP ${response.status}`;
    throw new ReferenceImageError(`failed to download ${url.href}: ${reason}`);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > limits.maxBytes) throw new ReferenceImageError(`image is larger than ${limits.maxBytes} bytes`);
  return bytes;
}

async function assertImage(bytes: Buffer): Promise<void> {
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    throw new ReferenceImageError("the bytes are not a decodable image");
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw new ReferenceImageError(`unsupported image format "${format ?? "unknown"}"; use PNG, JPEG, WebP, GIF or AVIF`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? code : error.message;
  }
  return String(error);
}
