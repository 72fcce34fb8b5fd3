import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/validations/auth";

const valid = { name: "Ada Lovelace", email: "Ada@Example.com ", password: "analytical engine 1843" };

function passwordIssue(password: string, email = valid.email) {
  const r = signUpSchema.safeParse({ ...valid, email, password });
  return r.success ? null : r.error.issues.find((i) => i.path[0] === "password");
}
const passwordError = (password: string, email?: string) => passwordIssue(password, email)?.message;

describe("signUpSchema", () => {
  it("accepts a sound sign-up and normalises the email", () => {
    const r = signUpSchema.parse(valid);
    expect(r.email).toBe("ada@example.com");
  });

  it("refuses short, common, repeated and email-based passwords", () => {
    // Too short carries its bound, for the wrapper's field.tooShort code; the others are errors codes.
    expect(passwordIssue("short")).toMatchObject({ code: "too_small", minimum: 10 });
    expect(passwordError("password123")).toBe("auth.passwordCommon");
    expect(passwordError("aaaaaaaaaaaa")).toBe("auth.passwordCommon");
    expect(passwordError("lovelace-rules-2024", "lovelace@example.com")).toBe("auth.passwordHasEmail");
    expect(passwordError("analytical engine 1843")).toBeUndefined();
  });

  it("refuses a malformed email and an empty name", () => {
    const r = signUpSchema.safeParse({ ...valid, email: "not-an-email", name: "  " });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path[0]).sort();
    expect(paths).toEqual(["email", "name"]);
  });
});
