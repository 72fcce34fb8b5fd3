import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fail, fromOutcome, publicAction, succeed } from "@/lib/actions/action";
import { refused } from "@/lib/data/outcome";
import { messages } from "@/lib/i18n/messages";
import { englishText, isProblemCode } from "@/lib/i18n/problems";
import { createTranslator } from "next-intl";

vi.mock("@/lib/auth", async () => (await import("@/lib/authz/stubs")).authStub());
vi.mock("next-auth", async () => (await import("@/lib/authz/stubs")).nextAuthStub());

/** The action wrapper speaks in codes; both catalogues have words for every code it uses. */
describe("action results as codes", () => {
  const schema = z.object({
    name: z.string().trim().min(1).max(40),
    email: z.email(),
    count: z.coerce.number().int().min(1).max(4),
    size: z.enum(["1024x1024", "1536x1024"]),
    ids: z.array(z.string()).max(2).optional(),
  });
  const action = publicAction("test", schema, async () => succeed({ saved: true }));

  it("turns each zod issue into a code with its bounds, and echoes what was typed", async () => {
    const state = await action(undefined, { name: "", email: "nope", count: "9", size: "huge", ids: ["a", "b", "c"] });
    expect(state.ok).toBe(false);
    expect(state.problem).toEqual({ code: "invalidFields" });
    expect(state.fieldProblems).toEqual({
      name: [{ code: "field.required" }],
      email: [{ code: "field.email" }],
      count: [{ code: "field.tooBig", params: { maximum: 4 } }],
      size: [{ code: "field.choice" }],
      ids: [{ code: "field.tooMany", params: { maximum: 2 } }],
    });
    expect(state.values).toMatchObject({ name: "", email: "nope" });
    const zh = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"] });
    expect(zh("errors.field.tooBig", { maximum: 4 })).toBe("不能大于 4。");
  });

  it("keeps a schema's own message when it is a code", async () => {
    const coded = publicAction("coded", z.object({ slug: z.string().regex(/^[a-z]+$/, "field.invalid") }), async () => succeed());
    expect((await coded(undefined, { slug: "A!" })).fieldProblems).toEqual({ slug: [{ code: "field.invalid" }] });
  });

  it("answers success with data and an optional done code", async () => {
    expect(await action(undefined, { name: "x", email: "a@b.co", count: "2", size: "1024x1024" })).toEqual({ ok: true, data: { saved: true } });
  });

  it("takes a data-layer Outcome as it is, its field as a field problem", async () => {
    expect(fromOutcome(refused("roleForbidden", undefined, "role"))).toMatchObject({
      ok: false,
      problem: { code: "roleForbidden" },
      fieldProblems: { role: [{ code: "roleForbidden" }] },
    });
    // The English words stay on the server (logs, the public API): the page gets the code.
    expect(fromOutcome(refused("roleForbidden"))).not.toHaveProperty("message");
    const outcomeAction = publicAction("outcome", z.object({}), async () => refused("notAMember"));
    expect(await outcomeAction(undefined, {})).toMatchObject({ ok: false, problem: { code: "notAMember" } });
  });

  it("hides an unexpected error behind a code, never its text", async () => {
    const boom = publicAction("boom", z.object({}), async () => {
      throw new Error("secret stack detail");
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const state = await boom(undefined, {});
    expect(state.problem).toEqual({ code: "unexpected" });
    expect(JSON.stringify(state)).not.toContain("secret");
  });

  it("knows its codes", () => {
    expect(isProblemCode("field.tooLong")).toBe(true);
    expect(isProblemCode("field")).toBe(false);
    expect(isProblemCode("Wrong email or password.")).toBe(false);
    expect(englishText(fail("field.tooLong", { maximum: 2000 }).problem!)).toBe("At most 2,000 characters.");
  });
});
