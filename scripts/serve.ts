// The production HTTP server: Next.js's request handler behind a plain Node server, so that the
// app learns the TRUE client address. Next.js only sets X-Forwarded-For when it is absent, so a
// client could otherwise pick its own address and walk past per-address limits. Here every
// request gets a header only this process can sign: a random per-process token and the address
// resolved from the socket and TRUST_PROXY_HOPS (see lib/net/client-address.ts).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER } from "../lib/net/client-address-header";
import { parseTrustedHops, resolveClientAddress } from "../lib/net/client-address";
import { MAX_ACTION_BODY_BYTES } from "../lib/security/request-checks";
import { SignInAdmission } from "../lib/net/sign-in-admission";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const hops = parseTrustedHops(process.env.TRUST_PROXY_HOPS);
const token = randomBytes(16).toString("hex");
process.env.TRICKDECK_PEER_TOKEN = token;

const app = next({ dev: false, dir: process.cwd(), hostname: host === "0.0.0.0" ? "localhost" : host, port });
const handle = app.getRequestHandler();

await app.prepare();
// sign-in and sign-up posts let into Next.js: the password-hash rate (PASSWORD_HASHES_PER_SECOND,
// default 5, burst 10), and a few at a time (each costs a hash on the libuv pool)
const hashesPerSecond = Number(process.env.PASSWORD_HASHES_PER_SECOND) || 5;
const admission = new SignInAdmission(hashesPerSecond, Math.max(10, hashesPerSecond * 2), Math.max(4, Math.ceil(hashesPerSecond / 2)), Date.now());
// a sign-in or sign-up post: the requests that cost a password hash
const costsAHash = (method: string | undefined, url: string | undefined, action: unknown) =>
  method === "POST" && (url?.startsWith("/api/auth/callback/credentials") || (!!action && /^\/(signin|signup)(\?|$)/.test(url ?? "")));

const server = createServer((req, res) => {
  // a server action larger than any action takes: answer 413 at once, then read and drop what the
  // client is still sending (up to a bound) so that it sees the answer instead of a stalled socket.
  // A browser always declares the length of an action's body; one sent in chunks of unknown total
  // length is refused with 411 (Next.js would read an endless stream before anything could stop it)
  if (req.method === "POST" && req.headers["next-action"]) {
    const declared = req.headers["content-length"];
    if (declared === undefined) return refuseAndDrain(req, res, 411, "A server action must declare its Content-Length.");
    if (Number(declared) > MAX_ACTION_BODY_BYTES) return refuseAndDrain(req, res, 413, "Request body too large.");
  }
  // under a sign-in flood, refuse here, before Next.js spends any work: pages stay fast
  if (costsAHash(req.method, req.url, req.headers["next-action"])) {
    if (!admission.admit(Date.now())) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2", connection: "close" });
      res.end("Too many sign-in attempts on this server right now. Try again in a moment.\n");
      return;
    }
    res.once("close", () => admission.release());
  }
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  req.headers[CLIENT_ADDRESS_HEADER] = `${token} ${address}`;
  handle(req, res).catch((err: unknown) => {
    console.error("[serve] request failed:", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal error");
  });
});
server.keepAliveTimeout = 65_000;

const MAX_DRAINED_BYTES = 32 * MAX_ACTION_BODY_BYTES;

// The answer goes out at once; the connection stays open while the rest of the upload is read
// and dropped, so that the client, still writing, gets the answer rather than a broken pipe; a
// client that keeps sending past MAX_DRAINED_BYTES is cut off.
function refuseAndDrain(req: IncomingMessage, res: ServerResponse, status: 411 | 413, reason: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.write(`${reason}\n`);
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAINED_BYTES) {
      res.end();
      req.destroy();
    }
  });
  req.on("end", () => res.end());
  req.on("error", () => res.end());
}
server.listen(port, host, () => console.log(`Trickdeck is listening on http://localhost:${port} (trusted proxy hops: ${hops})`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
