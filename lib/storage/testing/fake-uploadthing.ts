import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for UploadThing's three services on one local port, enough for `UTApi`:
 * - ingest: `PUT /ingest/<fileKey>?<signed params>` with a multipart `file` (what `uploadFiles` sends);
 * - API: `POST /v6/deleteFiles` by `fileKeys` or `customIds`, authorised by `x-uploadthing-api-key`;
 * - file host in "path" layout: `GET|HEAD /a/<appId>/<fileKey or customId>`, honouring signed URLs.
 * Signatures and expiry are checked as UploadThing does (HMAC-SHA256 of the URL with the API key), so
 * a driver that builds URLs wrongly fails here too. Point the SDK at it with `apiUrl`, `ingestUrl`,
 * `ufsHost` and `ufsAppIdLocation: "path"`.
 */

type Acl = "public-read" | "private";

export interface FakeUploadThingFile {
  fileKey: string;
  customId: string | null;
  name: string;
  type: string;
  acl: Acl;
  bytes: Buffer;
}

export interface FakeUploadThing {
  token: string;
  appId: string;
  apiUrl: string;
  ingestUrl: string;
  ufsHost: string;
  /** Stored files by UploadThing file key. */
  files: ReadonlyMap<string, FakeUploadThingFile>;
  /** Every request received, as "METHOD /path" without the query, oldest first. */
  requests: string[];
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** The SDK URI-encodes each `x-ut-*` value before URLSearchParams encodes it again. */
function signedParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value === null ? null : decodeURIComponent(value);
}

export async function startFakeUploadThing(opts: { defaultAcl?: Acl } = {}): Promise<FakeUploadThing> {
  const apiKey = `sk_fake_${randomBytes(16).toString("hex")}`;
  const appId = `fakeapp${randomBytes(4).toString("hex")}`;
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["fake-region"] })).toString("base64");
  const files = new Map<string, FakeUploadThingFile>();
  const requests: string[] = [];

  const find = (id: string) => files.get(id) ?? [...files.values()].find((f) => f.customId === id);

  /** Whether the URL carries a valid, unexpired signature; throws 403 for a bad one. */
  const checkSignature = (req: IncomingMessage, url: URL): boolean => {
    const raw = req.url ?? "";
    const at = raw.lastIndexOf("&signature=");
    if (at < 0) return false;
    const unsigned = `http://${req.headers.host}${raw.slice(0, at)}`;
    const expected = `hmac-sha256=${createHmac("sha256", apiKey).update(unsigned).digest("hex")}`;
    if (url.searchParams.get("signature") !== expected) throw new HttpError(403, "Invalid signature");
    if (!(Number(url.searchParams.get("expires")) > Date.now())) throw new HttpError(403, "URL expired");
    return true;
  };

  const ingest = async (req: IncomingMessage, url: URL, fileKey: string) => {
    if (req.method !== "PUT") throw new HttpError(405, "Method not allowed");
    if (!checkSignature(req, url)) throw new HttpError(403, "Missing signature");
    if (signedParam(url, "x-ut-identifier") !== appId) throw new HttpError(403, "Wrong app");
    const form = await new Response(new Uint8Array(await readBody(req)), {
      headers: { "content-type": req.headers["content-type"] ?? "" },
    }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new HttpError(400, "No file in the form");
    const bytes = Buffer.from(await file.arrayBuffer());
    if (String(bytes.length) !== signedParam(url, "x-ut-file-size")) throw new HttpError(400, "Size mismatch");
    const customId = signedParam(url, "x-ut-custom-id");
    if (customId !== null && find(customId)) throw new HttpError(409, `customId ${customId} is already in use`);
    files.set(fileKey, {
      fileKey,
      customId,
      name: signedParam(url, "x-ut-file-name") ?? fileKey,
      type: signedParam(url, "x-ut-file-type") ?? "application/octet-stream",
      acl: (signedParam(url, "x-ut-acl") as Acl | null) ?? opts.defaultAcl ?? "public-read",
      bytes,
    });
    const fileUrl = `http://${req.headers.host}/a/${appId}/${fileKey}`;
    return {
      url: fileUrl,
      appUrl: fileUrl,
      ufsUrl: fileUrl,
      fileHash: createHash("sha256").update(bytes).digest("hex"),
    };
  };

  const api = async (req: IncomingMessage, endpoint: string) => {
    if (req.method !== "POST") throw new HttpError(405, "Method not allowed");
    if (req.headers["x-uploadthing-api-key"] !== apiKey) throw new HttpError(401, "Invalid API key");
    const body = JSON.parse((await readBody(req)).toString("utf8")) as { fileKeys?: string[]; customIds?: string[] };
    if (endpoint !== "deleteFiles") throw new HttpError(404, `The fake does not implement /v6/${endpoint}`);
    let deletedCount = 0;
    for (const file of [...files.values()]) {
      const byCustomId = file.customId !== null && body.customIds?.includes(file.customId);
      if (body.fileKeys?.includes(file.fileKey) || byCustomId) {
        files.delete(file.fileKey);
        deletedCount += 1;
      }
    }
    return { success: true, deletedCount };
  };

  const serveFile = (req: IncomingMessage, res: ServerResponse, url: URL, id: string) => {
    if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, "Method not allowed");
    const signed = checkSignature(req, url);
    const file = find(id);
    if (!file) throw new HttpError(404, "Not found");
    if (file.acl === "private" && !signed) throw new HttpError(403, "This file is private");
    res.writeHead(200, { "content-type": file.type, "content-length": file.bytes.length });
    res.end(req.method === "HEAD" ? undefined : file.bytes);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    requests.push(`${req.method} ${url.pathname}`);
    const [, first, second, third] = url.pathname.split("/").map(decodeURIComponent);
    const handle = async () => {
      if (first === "ingest" && second) return sendJson(res, 200, await ingest(req, url, second));
      if (first === "v6" && second) return sendJson(res, 200, await api(req, second));
      if (first === "a" && second === appId && third) return serveFile(req, res, url, third);
      throw new HttpError(404, "Not found");
    };
    handle().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;

  return {
    token,
    appId,
    apiUrl: origin,
    ingestUrl: `${origin}/ingest`,
    ufsHost: `localhost:${port}`,
    files,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
