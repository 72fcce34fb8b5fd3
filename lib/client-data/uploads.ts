import type { AssetDTO } from "@/lib/data/dto";
import { apiUrls } from "@/lib/urls";

export class UploadError extends Error {}

/**
 * XHR rather than fetch: only XHR reports upload progress. Resolves with the stored asset or
 * rejects with the server's message (which names the file).
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
      const body = xhr.response as { asset?: AssetDTO; error?: { message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.asset) resolve(body.asset);
      else reject(new UploadError(body?.error?.message ?? `${file.name} could not be uploaded (error ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new UploadError(`${file.name} could not be uploaded: the connection failed.`));
    xhr.onabort = () => reject(new UploadError(`${file.name}: upload cancelled.`));
    signal?.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}
