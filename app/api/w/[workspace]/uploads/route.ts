import { NextResponse } from "next/server";
import { createReferenceAsset } from "@/lib/data/assets";
import { jsonError, workspaceRoute } from "@/lib/http/route";
import { englishText, problem, type Problem } from "@/lib/i18n/problems";
import { recordUpload } from "@/lib/metrics";
import { acceptUpload, MAX_UPLOAD_BYTES, UploadRejectedError } from "@/lib/images";
import { fileNameOf, parseFileNameHeader } from "@/lib/validations/upload";

/**
 * One reference image per request, so the browser can show each file's progress and a refused
 * file never takes the others down with it. The bytes are checked here, on the server.
 */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * A refusal the picker renders in the viewer's language: `{ error: { code, params, message } }`,
 * `message` being the English (the words of the code, or the text rule's own for a file name).
 */
function refuse(status: number, p: Problem, message = englishText(p)) {
  return jsonError(status, message, { code: p.code, params: p.params ?? {} });
}

export const POST = workspaceRoute<RouteContext<"/api/w/[workspace]/uploads">>(
  "upload-reference",
  "asset.upload",
  async ({ request, viewer, workspace }) => {
    const header = parseFileNameHeader(request.headers.get("x-file-name"));
    if (!header.ok) return refuse(400, problem(header.code), header.message);
    const headerName = header.name;
    // Without a declared length the body would be read whole before any check could refuse it.
    const declared = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!Number.isFinite(declared)) return refuse(411, problem("studio.upload.lengthRequired"));
    if (declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) {
      return refuse(413, problem("studio.upload.tooLarge", { name: headerName, mb: MAX_UPLOAD_BYTES / 1024 / 1024 }));
    }
    let file: FormDataEntryValue | null;
    try {
      file = (await request.formData()).get("file");
    } catch {
      return refuse(400, problem("studio.upload.notAForm"));
    }
    if (!(file instanceof File)) return refuse(400, problem("studio.upload.noFile"));
    const named = fileNameOf(file.name, headerName);
    if (!named.ok) return refuse(400, problem(named.code), named.message);
    const fileName = named.name;
    const bytes = Buffer.from(await file.arrayBuffer());
    try {
      const { reference } = await acceptUpload(bytes, fileName);
      const asset = await createReferenceAsset(viewer, workspace, reference, fileName);
      recordUpload(reference.bytes.length);
      return NextResponse.json({ asset }, { status: 201 });
    } catch (e) {
      if (e instanceof UploadRejectedError) return refuse(422, e.problem);
      throw e;
    }
  },
);
