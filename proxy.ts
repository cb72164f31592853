// Runs before every request (Next.js 16 "proxy", formerly middleware):
//  - refuses malformed requests with a 4xx and the reason (see lib/security/request-checks.ts):
//    undecodable paths, cross-origin or unreadable server-action posts, oversized bodies;
//  - sets the security headers, with a fresh CSP nonce that Next.js puts on its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/security/headers";
import { checkActionBody, checkActionOrigin, checkPath, MAX_ACTION_BODY_BYTES, type Verdict } from "@/lib/security/request-checks";

const refuse = (v: Exclude<Verdict, { ok: true }>) => new NextResponse(`${v.reason}\n`, { status: v.status, headers: { "content-type": "text/plain; charset=utf-8" } });

async function readCapped(request: NextRequest): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY_BYTES) return null;
  const reader = request.clone().body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ACTION_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function checkAction(request: NextRequest): Promise<Verdict> {
  const origin = checkActionOrigin(request.headers.get("origin"), request.headers.get("host"));
  if (!origin.ok) return origin;
  const body = await readCapped(request);
  if (body === null) return { ok: false, status: 413, reason: "Request body too large." };
  const contentType = request.headers.get("content-type");
  return checkActionBody(contentType, body, async () => {
    try {
      return await new Response(body, { headers: { "content-type": contentType ?? "" } }).formData();
    } catch {
      return null;
    }
  });
}

export async function proxy(request: NextRequest) {
  const path = checkPath(request.nextUrl.pathname);
  if (!path.ok) return refuse(path);
  if (request.method === "POST" && request.headers.has("next-action")) {
    const verdict = await checkAction(request);
    if (!verdict.ok) return refuse(verdict);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const trustProxy = Number(process.env.TRUST_PROXY_HOPS ?? 0) > 0;
  const https = request.nextUrl.protocol === "https:" || (trustProxy && request.headers.get("x-forwarded-proto") === "https");
  const headers = securityHeaders(nonce, { https, dev: process.env.NODE_ENV === "development" });

  // Next.js reads the nonce from the request's CSP header and stamps it on its scripts
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // static assets carry no HTML; everything else (pages, actions, API routes) is checked
  matcher: [{ source: "/((?!_next/static|_next/image|favicon\\.ico|icon|apple-icon|manifest).*)" }],
};
