// Calls Next.js server actions over raw HTTP exactly as the browser does (captured from Chromium):
// POST to a page with `Next-Action: <id>`; plain arguments as a text/plain JSON array (React's
// encodeReply); form actions `(prevState, formData)` as multipart with the fields under "_1_"
// and the root "0" = [prevState, "$K1"]. Ids come from the build's server-reference-manifest.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { encodeArgs, encodeValue, actionReturnValue } from "./flight";
import { CookieJar, rawRequest, type RawResponse } from "./http";

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

export interface ActionRef {
  id: string;
  /** a page path whose bundle holds the action (the action is posted there) */
  page: string;
  name: string;
  file: string;
}

/** "app/(auth)/signin/page" -> "/signin"; a dynamic segment gets a placeholder value. */
function pagePath(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.map((s) => (s.startsWith("[") ? "placeholder" : s)).join("/");
}

/** Every server action of the build, by "<file>#<exported name>". */
export function loadActions(manifestPath = ".next/server/server-reference-manifest.json"): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const workers = Object.keys(entry.workers).filter((w) => !w.includes("_not-found"));
    // a static page first: its path needs no made-up parameter
    const worker = workers.find((w) => !w.includes("[")) ?? workers[0];
    out.set(`${entry.filename}#${entry.exportedName}`, { id, page: pagePath(worker), name: entry.exportedName, file: entry.filename });
  }
  return out;
}

export function actionRef(actions: Map<string, ActionRef>, file: string, name: string): ActionRef {
  const ref = actions.get(`${file}#${name}`);
  if (!ref) throw new Error(`no action ${name} in ${file} in this build (known: ${[...actions.keys()].join(", ")})`);
  return ref;
}

export interface ActionResponse {
  status: number;
  headers: RawResponse["headers"];
  body: Buffer;
  /** the decoded return value; undefined when the response carries none (redirect, error) */
  value: unknown;
  /** x-action-redirect target, when the action redirected */
  redirect: string | null;
  /** why the value could not be read, if it could not */
  decodeError?: string;
}

export type FormFields = Record<string, string | string[]>;

/**
 * Multipart body the way Chromium + React send a form action's FormData. `before` holds the
 * arguments ahead of the FormData: [prevState] for useActionState actions, [] for a plain form.
 */
export function formActionBody(fields: FormFields, before: unknown[]): { body: Buffer; contentType: string } {
  const boundary = "----WebKitFormBoundary" + randomBytes(8).toString("hex");
  const parts: string[] = [];
  // as Chromium encodes them: quotes and line breaks in names escaped, line breaks in values as CRLF
  const escape = (name: string) => name.replace(/\r\n|\r|\n/g, "\r\n").replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");
  const crlf = (value: string) => value.replace(/\r\n|\r|\n/g, "\r\n");
  const part = (name: string, value: string) => parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${crlf(value)}\r\n`);
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) part(`_1_${name}`, v);
  part("0", JSON.stringify([...before.map(encodeValue), "$K1"]));
  return { body: Buffer.from(parts.join("") + `--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One browser-like client of one server: its own cookies and, optionally, its own source address. */
export class ActionClient {
  readonly jar: CookieJar;

  constructor(
    readonly port: number,
    readonly actions: Map<string, ActionRef>,
    readonly opts: { localAddress?: string; headers?: Record<string, string>; jar?: CookieJar } = {},
  ) {
    this.jar = opts.jar ?? new CookieJar();
  }

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  ref(file: string, name: string): ActionRef {
    return actionRef(this.actions, file, name);
  }

  /** POSTs raw action bytes; every other call goes through here. */
  async post(ref: Pick<ActionRef, "id" | "page">, body: string | Buffer, contentType: string, extra: Record<string, string> = {}, path?: string): Promise<ActionResponse> {
    const res = await rawRequest({
      port: this.port,
      method: "POST",
      path: path ?? ref.page,
      localAddress: this.opts.localAddress,
      body,
      headers: {
        accept: "text/x-component",
        "next-action": ref.id,
        "content-type": contentType,
        origin: this.origin,
        ...(this.jar.header() ? { cookie: this.jar.header() } : {}),
        ...this.opts.headers,
        ...extra,
      },
    });
    this.jar.store(res);
    const redirect = typeof res.headers["x-action-redirect"] === "string" ? res.headers["x-action-redirect"].split(";")[0] : null;
    let value: unknown;
    let decodeError: string | undefined;
    try {
      // a redirect answers with the target page instead of a return value
      value = res.status === 200 && !redirect ? actionReturnValue(res.body) : undefined;
    } catch (err) {
      decodeError = (err as Error).message;
    }
    return { status: res.status, headers: res.headers, body: res.body, value, redirect, decodeError };
  }

  /** A plain action: `fn(...args)` with JSON-like arguments. */
  call(file: string, name: string, args: unknown[], opts: { path?: string; headers?: Record<string, string> } = {}) {
    return this.post(this.ref(file, name), encodeArgs(args), "text/plain;charset=UTF-8", opts.headers, opts.path);
  }

  /** A form action: `fn(prevState, formData)`, or `fn(formData)` when `before` is []. */
  form(file: string, name: string, fields: FormFields, opts: { before?: unknown[]; path?: string; headers?: Record<string, string> } = {}) {
    const { body, contentType } = formActionBody(fields, opts.before ?? [{}]);
    return this.post(this.ref(file, name), body, contentType, opts.headers, opts.path);
  }

  /** GET a page with this client's cookies. */
  get(path: string, headers: Record<string, string> = {}) {
    return rawRequest({ port: this.port, path, localAddress: this.opts.localAddress, headers: { ...(this.jar.header() ? { cookie: this.jar.header() } : {}), ...this.opts.headers, ...headers } });
  }
}
