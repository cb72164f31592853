// Raw HTTP for the attack suite. node:http instead of fetch because the attacks need what fetch
// forbids or normalises: any Host/Origin header, any method, an unencoded path like /tricks/%,
// and a chosen source address on the loopback (127.0.0.x) to play distinct clients.
import http from "node:http";

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** source address of the socket, e.g. "127.0.0.7": the server sees another client */
  localAddress?: string;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request on a fresh connection (no pooling: each call is its own client). */
export function rawRequest(req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: "127.0.0.1",
        port: req.port,
        method: req.method ?? "GET",
        path: req.path,
        // a body's length is declared, as browsers do, unless the attack asks for chunks
        headers: {
          host: `localhost:${req.port}`,
          connection: "close",
          ...(req.body !== undefined && !req.headers?.["transfer-encoding"] ? { "content-length": String(Buffer.byteLength(req.body)) } : {}),
          ...req.headers,
        },
        localAddress: req.localAddress,
        agent: false,
        // read whatever the server answers, even a malformed response, rather than fail here
        insecureHTTPParser: true,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    r.setTimeout(req.timeoutMs ?? 20_000, () => r.destroy(new Error(`timeout after ${req.timeoutMs ?? 20_000} ms: ${req.method ?? "GET"} ${req.path}`)));
    r.on("error", reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** Cookies by name, as a browser would keep them for one site. */
export class CookieJar {
  private cookies = new Map<string, string>();

  /** Takes the Set-Cookie headers of a response: new values replace, expired ones go. */
  store(res: RawResponse): void {
    for (const line of res.headers["set-cookie"] ?? []) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*(0|-)/i.test(a)) || attrs.some((a) => /^\s*expires\s*=\s*Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }

  clone(): CookieJar {
    const c = new CookieJar();
    for (const [k, v] of this.cookies) c.cookies.set(k, v);
    return c;
  }
}

/** Runs `tasks` with at most `limit` in flight; results keep their order. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}
