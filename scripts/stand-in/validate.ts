/** An answer in the shape OpenAI-style endpoints use: `{"error": {message, type, param, code}}`. */
export interface ApiFailure {
  status: number;
  message: string;
  type: string;
  code: string | null;
  param: string | null;
}

export interface GenerationRequest {
  model: string;
  prompt: string;
  width: number;
  height: number;
  n: number;
  images: string[];
}

export const SIZES: Record<string, { width: number; height: number }> = {
  "1024x1024": { width: 1024, height: 1024 },
  "1536x1024": { width: 1536, height: 1024 },
  "1024x1536": { width: 1024, height: 1536 },
};

export const MAX_IMAGES = 5;
const KNOWN_FIELDS = new Set(["model", "prompt", "size", "n", "image"]);

export function invalid(message: string, param: string | null, code: string | null = null): ApiFailure {
  return { status: 400, message, type: "invalid_request_error", code, param };
}

/**
 * Checks the body the way the real endpoint does, field by field, so that a client bug shows up
 * as the same 400 it would get in production. Unknown fields are refused: the client is meant to
 * send exactly the contract's fields.
 */
export function validateBody(
  body: unknown,
  options: { models: readonly string[]; maxN: number },
): GenerationRequest | ApiFailure {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return invalid("The request body must be a JSON object.", null);
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !KNOWN_FIELDS.has(key));
  if (unknown !== undefined) {
    return invalid(`Unrecognized request argument supplied: ${unknown}`, unknown, "unknown_parameter");
  }

  const { model, prompt, size = "1024x1024", n = 1, image } = fields;
  if (typeof model !== "string" || model === "") {
    return invalid("You must provide a model parameter.", "model", "missing_required_parameter");
  }
  if (!options.models.includes(model)) {
    return invalid(`The model '${model}' does not exist or you do not have access to it.`, "model", "model_not_found");
  }
  if (typeof prompt !== "string" || prompt.trim() === "") {
    return invalid("prompt must be a non-empty string.", "prompt", "invalid_value");
  }
  const dimensions = typeof size === "string" ? SIZES[size] : undefined;
  if (!dimensions) {
    return invalid(
      `Invalid value: '${String(size)}'. Supported values are: ${Object.keys(SIZES).map((s) => `'${s}'`).join(", ")}.`,
      "size",
      "invalid_value",
    );
  }
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > options.maxN) {
    return invalid(`n must be an integer between 1 and ${options.maxN}.`, "n", "invalid_value");
  }

  let images: string[] = [];
  if (image !== undefined) {
    if (!Array.isArray(image) || image.some((entry) => typeof entry !== "string")) {
      return invalid("image must be an array of strings (http(s) URLs or data: URLs).", "image", "invalid_type");
    }
    if (image.length > MAX_IMAGES) {
      return invalid(`Too many images: ${image.length}. At most ${MAX_IMAGES} are allowed.`, "image", "invalid_value");
    }
    images = image as string[];
  }

  return { model, prompt, width: dimensions.width, height: dimensions.height, n, images };
}

export function isFailure(value: GenerationRequest | ApiFailure): value is ApiFailure {
  return "status" in value;
}
