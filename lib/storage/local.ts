import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";

import { assertStorageKey } from "./keys";
import type { Storage } from "./types";

export interface LocalStorageOptions {
  rootDir: string;
  /** Where `rootDir` is served from on the internet (e.g. a tunnel to the files route), if anywhere. */
  publicBaseUrl?: string;
}

/** Codes that mean "no file at this key": a missing file, or a key that names a directory. */
const ABSENT = new Set(["ENOENT", "EISDIR", "ENOTDIR"]);

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

export function createLocalStorage({ rootDir, publicBaseUrl }: LocalStorageOptions): Storage {
  const root = path.resolve(rootDir);
  const base = publicBaseUrl?.replace(/\/+$/, "");

  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, ...key.split("/"));
  };

  return {
    driver: "local",

    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // A reader never sees a half-written file: the bytes reach disk under a name no key can have
      // (keys never start with "."), then one rename publishes them, replacing any earlier copy.
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
      const handle = await open(temp, "wx");
      try {
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },

    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if (ABSENT.has(errorCode(error) ?? "")) return null;
        throw error;
      }
    },

    async delete(keys) {
      const paths = keys.map(pathOf);
      for (const file of paths) {
        try {
          await unlink(file);
        } catch (error) {
          if (!ABSENT.has(errorCode(error) ?? "")) throw error;
        }
      }
    },

    async publicUrl(key) {
      assertStorageKey(key);
      return base ? `${base}/${key}` : null;
    },

    async signedUrl(key) {
      assertStorageKey(key);
      return null;
    },
  };
}
