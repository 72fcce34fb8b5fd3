import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "@/lib/http/return-path";

const APP = "https://atelier.example:8443";

describe("safeReturnPath", () => {
  it("keeps paths on the app's own origin, with their query and hash", () => {
    expect(safeReturnPath("/w/team/create?prompt=a%20cat#top", APP)).toBe("/w/team/create?prompt=a%20cat#top");
    expect(safeReturnPath("/invite/abc", APP)).toBe("/invite/abc");
    expect(safeReturnPath(`${APP}/s/token`, APP)).toBe("/s/token");
    expect(safeReturnPath("relative/path", APP)).toBe("/relative/path");
  });

  it.each([
    ["a tab the browser drops", "/\t/evil.example"],
    ["a newline the browser drops", "/\n/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["a backslash read as a slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["an absolute URL elsewhere", "https://evil.example/w"],
    ["the same host on another scheme", "http://atelier.example:8443/w"],
    ["the same host on another port", "https://atelier.example/w"],
    ["a javascript: URL", "javascript:alert(document.domain)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a path that normalises to protocol-relative", "/.//evil.example"],
    ["credentials-style host", "https://atelier.example:8443@evil.example/"],
  ])("refuses %s", (_, raw) => {
    expect(safeReturnPath(raw, APP)).toBe(DEFAULT_RETURN_PATH);
  });

  it("keeps an encoded tab as the harmless path it is (the browser never decodes it into a host)", () => {
    expect(safeReturnPath("/%09/evil.example", APP)).toBe("/%09/evil.example");
  });

  it("falls back for missing, non-string and oversized values", () => {
    expect(safeReturnPath(undefined, APP)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(["/w"], APP)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath(`/${"a".repeat(5000)}`, APP)).toBe(DEFAULT_RETURN_PATH);
    expect(safeReturnPath("//evil.example", APP, "/")).toBe("/");
  });
});
