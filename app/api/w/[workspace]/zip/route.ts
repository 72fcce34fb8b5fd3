import { Zip, ZipPassThrough } from "fflate";
import { listImageFiles, type ZipEntry } from "@/lib/data/gallery/download";
import { jsonError, workspaceRoute } from "@/lib/http/route";
import { getStorage } from "@/lib/storage";
import { MAX_BULK_IMAGES, zipQuerySchema } from "@/lib/validations/gallery";

/**
 * The originals of selected images as one ZIP: `?ids=a,b,c` (at most MAX_BULK_IMAGES), every id
 * an image of this workspace or the whole request is "not found". Streamed one file at a time, so
 * memory stays at one image however many are asked for.
 */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/zip">>("zip", "asset.download", async ({ request, workspace }) => {
  const parsed = zipQuerySchema.safeParse({ ids: new URL(request.url).searchParams.get("ids") ?? "" });
  if (!parsed.success) return jsonError(400, `Choose between 1 and ${MAX_BULK_IMAGES} images.`);
  const entries = await listImageFiles(workspace, parsed.data.ids);
  if (!entries) return jsonError(404, "Not found.");
  const name = `${workspace.slug}-${entries.length}-image${entries.length === 1 ? "" : "s"}.zip`;
  return new Response(zipStream(entries), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]+/g, "-")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  const storage = getStorage();
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    // One file per pull: the next is read from storage only when the client has taken the last.
    async pull() {
      const entry = entries[next++];
      if (!entry) return zip.end();
      const bytes = await storage.get(entry.storageKey);
      if (!bytes) {
        console.error(`[zip] stored file ${entry.storageKey} is missing; left out of the archive`);
        return;
      }
      // Stored, not deflated: images are compressed already, and deflating them costs CPU for nothing.
      const file = new ZipPassThrough(entry.name);
      zip.add(file);
      file.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), true);
    },
  });
}
