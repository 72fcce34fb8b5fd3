// lint-as: lib/data/fixture.ts
// expect: no-restricted-syntax
"use server";

export async function leak() {
  return 1;
}
