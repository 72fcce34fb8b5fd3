import { NextResponse } from "next/server";
import { createReferenceAsset } from "@/lib/data/assets";
import { jsonError, workspaceRoute } from "@/lib/http/route";
import { recordUpload } from "@/lib/metrics";
import { acceptUpload, MAX_UPLOAD_BYTES, UploadRejectedError } from "@/lib/images";
import { fileNameOf, parseFileNameHeader } from "@/lib/validations/upload";

/**
 * One reference image per request, so the browser can show each file's progress and a refused
 * file never takes the others down with it. The bytes are checked here, on the server.
 */
const MULTIPART_OVERHEAD = 64 * 1024;


export const POST = workspaceRoute<RouteContext<"/api/w/[workspace]/uploads">>(
  "upload-reference",
  "asset.upload",
  async ({ request, viewer, workspace }) => {
    const header = parseFileNameHeader(request.headers.get("x-file-name"));
    if (!header.ok) return jsonError(400, header.message);
    const headerName = header.name;
    // Without a declared length the body would be read whole before any check could refuse it.
    const declared = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!Number.isFinite(declared)) return jsonError(411, "The upload must declare its size (Content-Length).");
    if (declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) {
      return jsonError(413, `${headerName} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    }
    let file: FormDataEntryValue | null;
    try {
      file = (await request.formData()).get("file");
    } catch {
      return jsonError(400, "The upload did not arrive as a form with a file.");
    }
    if (!(file instanceof File)) return jsonError(400, "Choose an image file to upload.");
    const named = fileNameOf(file.name, headerName);
    if (!named.ok) return jsonError(400, named.message);
    const fileName = named.name;
    const bytes = Buffer.from(await file.arrayBuffer());
    try {
      const { reference } = await acceptUpload(bytes, fileName);
      const asset = await createReferenceAsset(viewer, workspace, reference, fileName);
      recordUpload(reference.bytes.length);
      return NextResponse.json({ asset }, { status: 201 });
    } catch (e) {
      if (e instanceof UploadRejectedError) return jsonError(422, e.message);
      throw e;
    }
  },
);
