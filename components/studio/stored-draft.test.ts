import { describe, expect, it } from "vitest";
import { parseStoredDraft } from "./stored-draft";

const valid = {
  prompt: "a fox",
  size: "1536x1024",
  n: 2,
  model: "gpt-image-2-all",
  shapeHint: false,
  parentId: "gen1",
  references: [{ assetId: "a1", url: "/api/files/a1", fileName: "fox.jpg", label: "fox" }],
};

describe("parseStoredDraft", () => {
  it("reads back the draft this version writes", () => {
    expect(parseStoredDraft(JSON.stringify(valid))).toEqual(valid);
    const withoutParent = { ...valid, parentId: undefined };
    delete withoutParent.parentId;
    expect(parseStoredDraft(JSON.stringify(withoutParent))).toEqual(withoutParent);
  });

  it("keeps the shape hint's switch, on for a draft stored before it was kept", () => {
    expect(parseStoredDraft(JSON.stringify(valid))?.shapeHint).toBe(false);
    const older: Record<string, unknown> = { ...valid };
    delete older.shapeHint;
    expect(parseStoredDraft(JSON.stringify(older))?.shapeHint).toBe(true);
  });

  it("keeps an over-long prompt: it is the person's own text", () => {
    expect(parseStoredDraft(JSON.stringify({ ...valid, prompt: "x".repeat(10_000) }))?.prompt).toHaveLength(10_000);
  });

  it.each([
    ["nothing stored", null],
    ["not JSON", "{draft"],
    ["not an object", JSON.stringify("a fox")],
    ["an unknown size", JSON.stringify({ ...valid, size: "999x999" })],
    ["n of 0", JSON.stringify({ ...valid, n: 0 })],
    ["n above the cap", JSON.stringify({ ...valid, n: 5 })],
    ["a fractional n", JSON.stringify({ ...valid, n: 1.5 })],
    ["a number as prompt", JSON.stringify({ ...valid, prompt: 3 })],
    ["six references", JSON.stringify({ ...valid, references: Array(6).fill(valid.references[0]) })],
    ["a reference without its URL", JSON.stringify({ ...valid, references: [{ assetId: "a1", fileName: "f", label: "" }] })],
    ["a null reference", JSON.stringify({ ...valid, references: [null] })],
    ["a parent that is not a string", JSON.stringify({ ...valid, parentId: 7 })],
    ["a shape hint that is not a boolean", JSON.stringify({ ...valid, shapeHint: "off" })],
  ])("refuses %s", (_, raw) => {
    expect(parseStoredDraft(raw)).toBeNull();
  });
});
