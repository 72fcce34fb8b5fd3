import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "@/lib/http/origin";

const APP = "https://atelier.example";
const req = (method: string, headers: Record<string, string> = {}) => new Request(`${APP}/api/w/team/uploads`, { method, headers });

describe("crossSiteRefusal", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteRefusal(req("GET", { origin: "https://evil.example" }), APP)).toBeNull();
    expect(crossSiteRefusal(req("HEAD", { "sec-fetch-site": "cross-site" }), APP)).toBeNull();
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s: the app's own origin passes, any other is refused", (method) => {
    expect(crossSiteRefusal(req(method, { origin: APP }), APP)).toBeNull();
    for (const origin of ["https://evil.example", "http://atelier.example", "https://atelier.example:444", "null", "https://atelier.example.evil"]) {
      expect(crossSiteRefusal(req(method, { origin }), APP), origin).toMatch(/another site/);
    }
  });

  it("without Origin, Sec-Fetch-Site decides; with neither, it is not a browser's request", () => {
    expect(crossSiteRefusal(req("POST", { "sec-fetch-site": "same-origin" }), APP)).toBeNull();
    expect(crossSiteRefusal(req("POST", { "sec-fetch-site": "cross-site" }), APP)).toMatch(/another site/);
    expect(crossSiteRefusal(req("POST", { "sec-fetch-site": "same-site" }), APP)).toMatch(/another site/);
    expect(crossSiteRefusal(req("POST"), APP)).toBeNull();
  });

  it("a bearer route skips the check only for requests that carry a bearer key", () => {
    const bearer = { crossOrigin: "bearer" } as const;
    expect(crossSiteRefusal(req("POST", { authorization: "Bearer sk-123" }), APP, bearer)).toBeNull();
    expect(crossSiteRefusal(req("POST", { origin: "https://evil.example" }), APP, bearer)).toMatch(/another site/);
    expect(crossSiteRefusal(req("POST", { origin: "https://evil.example", authorization: "Bearer sk-1" }), APP)).toMatch(/another site/);
    expect(crossSiteRefusal(req("POST", { origin: "https://evil.example", authorization: "Basic abc" }), APP, bearer)).toMatch(/another site/);
  });
});
