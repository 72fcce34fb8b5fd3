import type { AssetDTO } from "@/lib/data/dto";
import type { Problem, ProblemParams } from "@/lib/i18n/problems";
import { apiUrls } from "@/lib/urls";

/** A refused or failed upload, as a code the page renders in the viewer's language (it names the file). */
export class UploadError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/**
 * XHR rather than fetch: only XHR reports upload progress. Resolves with the stored asset or
 * rejects with an UploadError: the server's refusal (`{ error: { code, params } }`), or what
 * went wrong on the way.
 */
export function uploadReference(
  workspace: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<AssetDTO> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrls.uploads(workspace));
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { asset?: AssetDTO; error?: { code?: unknown; params?: unknown } } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.asset) return resolve(body.asset);
      const code = body?.error?.code;
      const params = body?.error?.params;
      reject(
        new UploadError(
          typeof code === "string"
            ? // The route answers codes of the errors catalogue (typed on the server side).
              ({ code, params: params && typeof params === "object" ? (params as ProblemParams) : undefined } as Problem)
            : { code: "studio.upload.failed", params: { name: file.name, status: xhr.status } },
        ),
      );
    };
    xhr.onerror = () => reject(new UploadError({ code: "studio.upload.connection", params: { name: file.name } }));
    xhr.onabort = () => reject(new UploadError({ code: "studio.upload.cancelled", params: { name: file.name } }));
    signal?.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}
