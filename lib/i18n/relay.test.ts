import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { FAILURE_CLASSES, FAILURE_TABLE } from "@/lib/image-api/failures";
import { locales } from "./config";
import { messages } from "./messages";
import { asFailureDetail, failureText, type RelayT } from "./relay";

const relay = (locale: (typeof locales)[number]) =>
  createTranslator({ locale, messages: messages[locale], namespace: "relay" }) as unknown as RelayT;

describe("relay failure words", () => {
  it("name every failure class, in English exactly as the failure table says it", () => {
    for (const code of FAILURE_CLASSES) {
      expect(messages.en.relay[code], code).toEqual({ reason: FAILURE_TABLE[code].reason, next: FAILURE_TABLE[code].next });
    }
  });

  it("say every class in Chinese too, in other words than the English", () => {
    for (const code of FAILURE_CLASSES) {
      const zh = failureText(relay("zh-CN"), { code });
      expect(zh.reason, code).not.toBe(FAILURE_TABLE[code].reason);
      expect(zh.reason, code).toMatch(/\p{Script=Han}/u);
    }
    expect(failureText(relay("zh-CN"), { code: "safety" }).reason).toBe("图片服务的安全审核拒绝了此请求。");
  });

  it("give every failure class and every failure code a relay can store a short label for the usage and admin chips, in both languages", () => {
    const codes = Object.keys(messages.en.relay).filter((k) => k !== "detail");
    expect(codes).toEqual(expect.arrayContaining([...FAILURE_CLASSES]));
    for (const code of codes) {
      const en = (messages.en.usage.failureClass as Record<string, string>)[code];
      const zh = (messages["zh-CN"].usage.failureClass as Record<string, string>)[code];
      expect(en, code).toMatch(/^[A-Z]/);
      expect(zh, code).toMatch(/\p{Script=Han}/u);
    }
  });

  it("keep a failure's values in both languages", () => {
    const shortfall = { code: "no_images", detail: { key: "shortfall", params: { asked: 4, returned: 2 } } } as const;
    expect(failureText(relay("en"), shortfall).reason).toBe("Asked for 4, the service returned 2.");
    expect(failureText(relay("zh-CN"), shortfall).reason).toBe("请求了 4 张，图片服务只返回了 2 张。");
    const named = { code: "bad_request", detail: { key: "withParam", params: { param: "prompt" } } } as const;
    expect(failureText(relay("en"), named).reason).toBe("The image service rejected a setting of this request. (it named “prompt”)");
    expect(failureText(relay("zh-CN"), named).reason).toBe("图片服务拒绝了此请求的某项设置。（涉及参数“prompt”）");
    // The class's next step stays with a detailed reason.
    expect(failureText(relay("en"), named).next).toBe(FAILURE_TABLE.bad_request.next);
  });

  it("read a code it does not know as 'could not be made', never as a raw key", () => {
    expect(failureText(relay("en"), { code: "test" }).reason).toBe("This image could not be made.");
    expect(failureText(relay("en"), { code: "detail" }).reason).toBe("This image could not be made.");
    expect(failureText(relay("zh-CN"), { code: "safety", detail: { key: "nope" as never } }).reason).toBe("图片服务的安全审核拒绝了此请求。");
  });

  it("read back only well-formed stored details", () => {
    expect(asFailureDetail(null)).toBeNull();
    expect(asFailureDetail(["shortfall"])).toBeNull();
    expect(asFailureDetail({ params: {} })).toBeNull();
    expect(asFailureDetail({ key: "shortfall", params: { asked: 4, returned: 2, junk: { a: 1 } } })).toEqual({
      key: "shortfall",
      params: { asked: 4, returned: 2 },
    });
  });
});
