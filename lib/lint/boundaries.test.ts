import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * `npm run lint` enforces DESIGN.md's layering: each file in lint-fixtures/ breaks one rule (or,
 * for "expect: nothing", shows what stays allowed), linted with the project's own config as if
 * it lived at its `lint-as` path. A rule that stopped matching would make its fixture pass here.
 */
const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "lint-fixtures");
const fixtures = readdirSync(dir).filter((f) => /\.tsx?$/.test(f));

describe("lint boundaries", () => {
  const eslint = new ESLint({ cwd: root });

  it("has a fixture for every rule", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of fixtures) {
    it(file, async () => {
      const text = readFileSync(path.join(dir, file), "utf8");
      const lintAs = /^\/\/ lint-as: (.+)$/m.exec(text)?.[1];
      const expected = /^\/\/ expect: (.+)$/m.exec(text)?.[1];
      expect(lintAs && expected, "fixture needs lint-as and expect lines").toBeTruthy();
      const [result] = await eslint.lintText(text, { filePath: path.join(root, lintAs!) });
      const errors = result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
      expect(errors).toEqual(expected === "nothing" ? [] : [expected]);
    });
  }
});
