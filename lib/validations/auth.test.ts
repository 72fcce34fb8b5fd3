import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/validations/auth";

const valid = { name: "Ada Lovelace", email: "Ada@Example.com ", password: "analytical engine 1843" };

function passwordError(password: string, email = valid.email) {
  const r = signUpSchema.safeParse({ ...valid, email, password });
  return r.success ? null : r.error.issues.find((i) => i.path[0] === "password")?.message;
}

describe("signUpSchema", () => {
  it("accepts a sound sign-up and normalises the email", () => {
    const r = signUpSchema.parse(valid);
    expect(r.email).toBe("ada@example.com");
  });

  it("refuses short, common, repeated and email-based passwords", () => {
    expect(passwordError("short")).toBe("Use at least 10 characters.");
    expect(passwordError("password123")).toBe("This password is too easy to guess.");
    expect(passwordError("aaaaaaaaaaaa")).toBe("This password is too easy to guess.");
    expect(passwordError("lovelace-rules-2024", "lovelace@example.com")).toBe(
      "Don't use your email address in your password.",
    );
  });

  it("refuses a malformed email and an empty name", () => {
    const r = signUpSchema.safeParse({ ...valid, email: "not-an-email", name: "  " });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path[0]).sort();
    expect(paths).toEqual(["email", "name"]);
  });
});
