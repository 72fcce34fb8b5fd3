import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "@/lib/permissions";

// The whole table, written out: a change to a role's powers must change this test too.
const expected: Record<Action, ["VIEWER" | "EDITOR" | "ADMIN" | "OWNER", boolean][]> = {
  "workspace.view": [["VIEWER", true], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "asset.download": [["VIEWER", true], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "asset.upload": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "generation.create": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "generation.retry.own": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "generation.cancel.own": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "generation.error.details": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "generation.delete.own": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "generation.delete.any": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "image.favorite": [["VIEWER", true], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "collection.manage": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "share.create.own": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "share.create.any": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "share.revoke.own": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "share.revoke.any": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "comment.create": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "review.set": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "library.pin": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "member.view": [["VIEWER", true], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "member.invite": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "member.remove": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "member.role.change": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "member.admin.grant": [["VIEWER", false], ["EDITOR", false], ["ADMIN", false], ["OWNER", true]],
  "workspace.rename": [["VIEWER", false], ["EDITOR", false], ["ADMIN", false], ["OWNER", true]],
  "workspace.delete": [["VIEWER", false], ["EDITOR", false], ["ADMIN", false], ["OWNER", true]],
  "workspace.transfer": [["VIEWER", false], ["EDITOR", false], ["ADMIN", false], ["OWNER", true]],
  "workspace.quota.set": [["VIEWER", false], ["EDITOR", false], ["ADMIN", false], ["OWNER", true]],
  "member.cap.set": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "usage.view.own": [["VIEWER", true], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "usage.view.all": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
  "apikey.create": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "apikey.revoke.own": [["VIEWER", false], ["EDITOR", true], ["ADMIN", true], ["OWNER", true]],
  "apikey.revoke.any": [["VIEWER", false], ["EDITOR", false], ["ADMIN", true], ["OWNER", true]],
};

describe("permissions", () => {
  it("has a row for every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const [role, allowed] of expected[action]) {
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it("nobody without a role may do anything", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });
});
