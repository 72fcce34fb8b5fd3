import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { signUpSchema } from "@/lib/validations/auth";
import { createPrefillSchema } from "@/lib/validations/create-prefill";
import { createCollectionSchema, galleryFiltersSchema, renameCollectionSchema } from "@/lib/validations/gallery";
import { createGenerationSchema } from "@/lib/validations/generation";
import { createShareLinkSchema } from "@/lib/validations/share";
import {
  BROKEN_CHARACTER_MESSAGE,
  CONTROL_CHARACTER_MESSAGE,
  lineTextSchema,
  multilineTextSchema,
} from "@/lib/validations/text";
import { fileNameOf, parseFileNameHeader } from "@/lib/validations/upload";
import {
  addCommentSchema,
  createWorkspaceSchema,
  deleteWorkspaceSchema,
  pinReferenceSchema,
  renameWorkspaceSchema,
} from "@/lib/validations/workspace";

const C0_REFUSED = [...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d), 0x7f];

describe("the shared text schemas", () => {
  it("refuse every C0 control but tab, LF and CR, and DEL, with a message", () => {
    for (const code of C0_REFUSED) {
      const text = `before${String.fromCharCode(code)}after`;
      expect(multilineTextSchema.safeParse(text).error?.issues[0]?.message, `U+${code.toString(16)}`).toBe(CONTROL_CHARACTER_MESSAGE);
      expect(lineTextSchema.safeParse(text).error?.issues[0]?.message, `U+${code.toString(16)}`).toBe(CONTROL_CHARACTER_MESSAGE);
    }
  });

  it("multiline text keeps tabs and line breaks; one-line text keeps only tabs", () => {
    expect(multilineTextSchema.parse("a\tb\nc\r\nd")).toBe("a\tb\nc\r\nd");
    expect(lineTextSchema.parse("a\tb")).toBe("a\tb");
    expect(lineTextSchema.safeParse("a\nb").success).toBe(false);
    expect(lineTextSchema.safeParse("a\rb").success).toBe(false);
  });

  it("refuse lone surrogates but keep real astral characters and other scripts", () => {
    for (const broken of ["\uD800", "x\uDFFFy", "\uDBFF\uDBFF", "\uDC00\uD800"]) {
      expect(lineTextSchema.safeParse(broken).error?.issues[0]?.message).toBe(BROKEN_CHARACTER_MESSAGE);
    }
    expect(lineTextSchema.parse("猫 🐈‍⬛ café ﷺ")).toBe("猫 🐈‍⬛ café ﷺ");
  });
});

const id = "cm0abc123";
const ws = "team";

/** Every free-text field of every schema, with an otherwise valid input and the path of the field. */
const FIELDS: [string, z.ZodType, Record<string, unknown>, string][] = [
  ["prompt", createGenerationSchema, { workspace: ws, prompt: "x", size: "1024x1024", n: 1, idempotencyKey: randomUUID() }, "prompt"],
  ["model", createGenerationSchema, { workspace: ws, prompt: "x", size: "1024x1024", n: 1, idempotencyKey: randomUUID(), model: "x" }, "model"],
  ["workspace slug", createGenerationSchema, { workspace: ws, prompt: "x", size: "1024x1024", n: 1, idempotencyKey: randomUUID() }, "workspace"],
  ["sign-up name", signUpSchema, { name: "x", email: "a@example.test", password: "long enough words" }, "name"],
  ["workspace name (create)", createWorkspaceSchema, { name: "x", slug: "brand" }, "name"],
  ["workspace name (rename)", renameWorkspaceSchema, { workspace: ws, name: "x" }, "name"],
  ["delete confirmation", deleteWorkspaceSchema, { workspace: ws, confirm: "x" }, "confirm"],
  ["collection name (create)", createCollectionSchema, { workspace: ws, name: "x" }, "name"],
  ["collection name (rename)", renameCollectionSchema, { workspace: ws, collectionId: id, name: "x" }, "name"],
  ["library name", pinReferenceSchema, { workspace: ws, assetId: id, name: "x" }, "name"],
  ["comment", addCommentSchema, { workspace: ws, generationId: id, body: "x" }, "body"],
  ["share workspace", createShareLinkSchema, { target: "WORKSPACE", workspace: ws }, "workspace"],
];

describe("every free-text field uses them", () => {
  it.each(FIELDS)("%s refuses U+0000 with a field message", (_, schema, valid, field) => {
    expect(schema.safeParse(valid).success).toBe(true);
    const result = schema.safeParse({ ...valid, [field]: `${String(valid[field])}\u0000` });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".") === field);
    expect(issue?.message).toBe(CONTROL_CHARACTER_MESSAGE);
  });

  it("a reference label is checked too", () => {
    const input = { workspace: ws, prompt: "x", size: "1024x1024", n: 1, idempotencyKey: randomUUID(), references: [{ assetId: id, label: "a\u0000" }] };
    expect(createGenerationSchema.safeParse(input).error?.issues[0]?.path).toEqual(["references", 0, "label"]);
  });

  it("links that prefill a page drop a bad value instead of failing the page", () => {
    expect(createPrefillSchema.parse({ prompt: "cat\u0000" }).prompt).toBeUndefined();
    expect(galleryFiltersSchema.parse({ q: "cat\u0000" }).q).toBeUndefined();
    expect(galleryFiltersSchema.parse({ q: "cat" }).q).toBe("cat");
  });
});

describe("upload file names", () => {
  it("decode the header, and refuse one that does not decode or holds control characters", () => {
    expect(parseFileNameHeader(encodeURIComponent("mood board é.png"))).toEqual({ ok: true, name: "mood board é.png" });
    expect(parseFileNameHeader(null)).toEqual({ ok: true, name: "image" });
    expect(parseFileNameHeader("%E0%A4%A")).toMatchObject({ ok: false, message: expect.stringMatching(/percent-encoded/) });
    expect(parseFileNameHeader("a%00.png")).toMatchObject({ ok: false, message: expect.stringContaining(CONTROL_CHARACTER_MESSAGE) });
    expect(parseFileNameHeader(encodeURIComponent("x".repeat(300)))).toMatchObject({ ok: false });
  });

  it("the multipart part's own name passes the same rules", () => {
    expect(fileNameOf("ref.png", "image")).toEqual({ ok: true, name: "ref.png" });
    expect(fileNameOf("", "from-header.png")).toEqual({ ok: true, name: "from-header.png" });
    expect(fileNameOf("a\u0000.png", "image")).toMatchObject({ ok: false });
  });
});
