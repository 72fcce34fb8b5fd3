import "server-only";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage";

/**
 * The one place stored files are released after their rows went (deleted images, generations,
 * whole workspaces). Storage keys are content-addressed and shared: the same bytes may back several
 * asset rows (a result reused as a reference, the same upload in two workspaces). A file goes only
 * when no row names its key any more. Runs after the rows are committed: a failure here leaves an
 * orphaned file, never a row pointing at a missing one. (A new row for the same bytes racing this
 * check could lose its file; the window is milliseconds, and the writer puts the file again on its
 * next write of the same bytes.) Answers how many files were removed.
 */
export async function releaseStoredFiles(keys: string[], context: string): Promise<number> {
  const unique = Array.from(new Set(keys));
  if (unique.length === 0) return 0;
  const kept = await db.asset.findMany({
    where: { storageKey: { in: unique } },
    select: { storageKey: true },
    distinct: ["storageKey"],
  });
  const keep = new Set(kept.map((a) => a.storageKey));
  const orphaned = unique.filter((k) => !keep.has(k));
  if (orphaned.length === 0) return 0;
  try {
    await getStorage().delete(orphaned);
  } catch (e) {
    console.error(`[${context}] could not remove ${orphaned.length} stored file(s); they are orphaned`, e);
  }
  return orphaned.length;
}
