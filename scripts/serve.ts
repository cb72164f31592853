// The production HTTP server: Next.js's request handler behind a plain Node server, so that the
// app learns the TRUE client address. Next.js only sets X-Forwarded-For when it is absent, so a
// client could otherwise pick its own address and walk past per-address limits. Here every
// request gets a header only this process can sign: a random per-process token and the address
// resolved from the socket and TRUST_PROXY_HOPS (see lib/net/client-address.ts).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER } from "../lib/net/client-address-header";
import { parseTrustedHops, resolveClientAddress } from "../lib/net/client-address";
import { passwordHashBudget } from "../lib/token-bucket";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const hops = parseTrustedHops(process.env.TRUST_PROXY_HOPS);
const token = randomBytes(16).toString("hex");
process.env.TRICKDECK_PEER_TOKEN = token;

const app = next({ dev: false, dir: process.cwd(), hostname: host === "0.0.0.0" ? "localhost" : host, port });
const handle = app.getRequestHandler();

await app.prepare();
// a sign-in or sign-up post: the requests that cost a password hash
const costsAHash = (method: string | undefined, url: string | undefined, action: unknown) =>
  method === "POST" && (url?.startsWith("/api/auth/callback/credentials") || (!!action && /^\/(signin|signup)(\?|$)/.test(url ?? "")));

const server = createServer((req, res) => {
  // under a sign-in flood, refuse here, before Next.js spends any work: pages stay fast
  if (costsAHash(req.method, req.url, req.headers["next-action"]) && !passwordHashBudget().peek(Date.now())) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2", connection: "close" });
    res.end("Too many sign-in attempts on this server right now. Try again in a moment.\n");
    return;
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
server.listen(port, host, () => console.log(`Trickdeck is listening on http://localhost:${port} (trusted proxy hops: ${hops})`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
