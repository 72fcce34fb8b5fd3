import { describe, expect, it } from "vitest";
import { shapeOf, shapeOfSize } from "./shape";

describe("shapeOf", () => {
  it.each([
    [1672, 941, "LANDSCAPE"],
    [1536, 1024, "LANDSCAPE"],
    [1100, 1000, "LANDSCAPE"],
    [941, 1672, "PORTRAIT"],
    [1024, 1536, "PORTRAIT"],
    [1254, 1254, "SQUARE"],
    [1024, 1000, "SQUARE"],
    [1000, 1099, "SQUARE"],
  ] as const)("%i×%i is %s", (width, height, shape) => {
    expect(shapeOf(width, height)).toBe(shape);
  });

  it("reads the shape a requested size asks for", () => {
    expect([shapeOfSize("1536x1024"), shapeOfSize("1024x1536"), shapeOfSize("1024x1024")]).toEqual(["LANDSCAPE", "PORTRAIT", "SQUARE"]);
  });
});
