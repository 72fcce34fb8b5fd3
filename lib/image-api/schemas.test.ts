import { describe, expect, it } from "vitest";
import { decodeB64Image } from "./download";
import { ImageApiError } from "./errors";
import { parseGenerationResponse } from "./schemas";

const parse = (body: unknown, contentType = "application/json") =>
  parseGenerationResponse(typeof body === "string" ? body : JSON.stringify(body), contentType);

function failure(run: () => unknown): ImageApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImageApiError) return error;
    throw error;
  }
  throw new Error("expected an ImageApiError");
}

describe("parseGenerationResponse", () => {
  it("reads url items with their revised prompts", () => {
    expect(parse({ created: 1, data: [{ url: "https://cdn.example.com/a.png", revised_prompt: "A cat" }] })).toEqual({
      created: 1,
      items: [{ url: "https://cdn.example.com/a.png", revisedPrompt: "A cat" }],
    });
  });

  it("reads b64_json items and treats empty strings and null as absent", () => {
    expect(
      parse({
        created: 2,
        data: [
          { url: "", b64_json: "iVBORw0KGgo=", revised_prompt: "" },
          { url: "http://x.test/b.webp", b64_json: null },
        ],
        usage: { total_tokens: 10 },
      }),
    ).toEqual({ created: 2, items: [{ b64Json: "iVBORw0KGgo=" }, { url: "http://x.test/b.webp" }] });
  });

  it.each([
    ["an item with neither url nor b64_json", { created: 1, data: [{ revised_prompt: "x" }] }, "bad_response", /neither url nor b64_json/],
    ["an item with both empty", { created: 1, data: [{ url: "", b64_json: "" }] }, "bad_response", /neither url nor b64_json/],
    ["data: []", { created: 1, data: [] }, "no_images", /data is empty/],
    ["no data", { created: 1 }, "no_images", /data/],
    ["a non-http url", { created: 1, data: [{ url: "ftp://x.test/a.png" }] }, "bad_response", /url/],
    ["a data: url in url", { created: 1, data: [{ url: "data:image/png;base64,AAAA" }] }, "bad_response", /url/],
  ])("fails on %s as %s, possibly charged", (_, body, failureClass, message) => {
    const error = failure(() => parse(body));
    expect(error.failureClass).toBe(failureClass);
    expect(error.charged).not.toBe("no");
    expect(error.message).toMatch(message);
  });

  it("fails clearly on truncated JSON", () => {
    const error = failure(() => parse('{"created": 1, "data": [{"url": "https://x.te'));
    expect(error.message).toMatch(/truncated JSON/);
    expect(error.failureClass).toBe("bad_response");
  });

  it("fails clearly on a body that is not JSON", () => {
    expect(failure(() => parse("upstream error")).message).toMatch(/not JSON: "upstream error"/);
  });

  it("fails clearly on an HTML page, whatever the content type says", () => {
    expect(failure(() => parse("<!DOCTYPE html><html><body>Hi</body></html>")).message).toMatch(/HTML page/);
    expect(failure(() => parse("<p>hi</p>", "text/html; charset=utf-8")).message).toMatch(/HTML page/);
  });

  it("fills in a missing created", () => {
    expect(parse({ data: [{ url: "https://x.test/a.png" }] }).created).toBeTypeOf("number");
  });

  it("accepts JSON sent as text/plain", () => {
    expect(parse({ created: 1, data: [{ url: "https://x.test/a.png" }] }, "text/plain; charset=utf-8").items).toHaveLength(1);
  });

  it("accepts b64_json with a data:image/png;base64, prefix as an image", async () => {
    const png = (await import("sharp")).default;
    const bytes = await png({ create: { width: 4, height: 3, channels: 3, background: "#123456" } }).png().toBuffer();
    const { items } = parse({ created: 1, data: [{ b64_json: `data:image/png;base64,${bytes.toString("base64")}` }] });
    const decoded = await decodeB64Image(items[0]!.b64Json!, { maxBytes: 1024 * 1024 });
    expect(decoded).toEqual({ bytes, mime: "image/png" });
  });

  it.each([
    ["a safety refusal", { error: { message: "Your request was rejected as a result of our safety system.", type: "upstream_error", code: "moderation_blocked" } }, "safety"],
    ["a saturated group", { error: { message: "当前分组上游负载已饱和，请稍后再试", type: "new_api_error", code: null } }, "rate_limited"],
    ["a bare error string", { error: "upstream returned nothing", data: [] }, "server_error"],
  ])("classifies a 200 carrying %s like any error answer", (_, body, failureClass) => {
    const error = failure(() => parse(body));
    expect(error).toMatchObject({ failureClass, status: 200 });
    expect(error.raw?.excerpt).toContain(JSON.stringify(body).slice(0, 20));
  });

  it("calls a 200 with no images no_images, probably charged", () => {
    expect(failure(() => parse({ created: 1, data: [] }))).toMatchObject({ failureClass: "no_images", charged: "maybe", autoRetry: false });
  });

  it("calls an unreadable 200 bad_response, charged", () => {
    expect(failure(() => parse('{"created": 1, "data": [{"url'))).toMatchObject({ failureClass: "bad_response", charged: "yes" });
  });
});
