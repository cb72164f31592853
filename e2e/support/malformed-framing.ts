// Requests whose framing is broken (see malformed.ts): Next.js meets these before the app's code.
import { formActionBody } from "./actions-http";
import { ACTIONS, type ActionName } from "./app-actions";
import { encodeArgs } from "./flight";
import { hex, int, junkString, pick, type Rng } from "./junk";
import { ANONYMOUS_ONLY, type Attack } from "./malformed";
import type { ActionRef } from "./actions-http";

type Target = { actions: Map<string, ActionRef>; port: number; trickSlug: string };

const BAD_PATHS = ["/tricks/%", "/tricks/%E0%A4%A", "/tricks/%zz", "/tricks/%C0%AF", "/tricks/%ff%fe", "/categories/%", "/quiz/%E0%A4%A", "/%", "/review/%", "/api/auth/%", "/tricks/%%32%65", "/_next/static/%"];
const PAGES = ["/", "/tricks", "/review", "/settings", "/progress", "/quiz", "/signin", "/signup"];
const BAD_BODIES = ["", "[", "{", "not json", "[1,", "]", "\u0000\u0001\u0002", "[\"$@5\"]", "[\"$Q1\"]", "[\"$W1\"]", "[\"$K1\"]", "[\"$h1\"]", "[\"$F1\"]", "[\"$B1\"]", "[\"$T\"]", "[\"$Z\"]", "[\"$n\"]", "[\"$D\"]", "[\"$i1\"]", "{\"__proto__\":{\"polluted\":1}}", "[{\"__proto__\":{\"isAdmin\":true}}]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"];

export const FRAMING_CATEGORIES = [
  "foreign Origin on an action",
  "unparseable action body",
  "bad multipart",
  "wrong Next-Action id",
  "bad percent-encoding in the path",
  "oversized body",
  "PUT/DELETE/PATCH/OPTIONS on a page",
  "POST without Next-Action on a page",
  "action without a content type",
] as const;

export type FramingCategory = (typeof FRAMING_CATEGORIES)[number];

/** `n` requests of one category of broken framing. */
export function frameworkAttacks(rng: Rng, t: Target, category: FramingCategory, n: number): Attack[] {
  const origin = `http://localhost:${t.port}`;
  const refs = Object.values(ACTIONS).map((a) => t.actions.get(`${a.file}#${a.name}`)!);
  const action = () => pick(rng, refs);
  // a body that gets through to an input-less action acts on the caller (sign-out would end the
  // victim's session): those are sent without the victim's cookie, as in malformed.ts
  const nameOf = new Map(Object.entries(ACTIONS).map(([name, a]) => [`${a.file}#${a.name}`, name as ActionName]));
  const asVictim = (ref: ActionRef) => !ANONYMOUS_ONLY.has(nameOf.get(`${ref.file}#${ref.name}`)!);
  const base = (ref: ActionRef, extra: Record<string, string> = {}) => ({ accept: "text/x-component", "next-action": ref.id, "content-type": "text/plain;charset=UTF-8", origin, ...extra });
  // one maker per category, in FRAMING_CATEGORIES order
  const kinds: (() => Attack)[] = [
    () => {
      const ref = action();
      const evil = pick(rng, ["http://evil.example", "null", `http://localhost.evil.example:${t.port}`, "http://127.0.0.2:1", "file://", "x" + junkString(rng, 30).replace(/[^\x20-\x7e]/g, "")]);
      // a cross-site action must be refused outright, whatever the action would have done
      return { category: "foreign Origin on an action", method: "POST", path: ref.page, headers: base(ref, { origin: evil }), body: encodeArgs([{}]), signedIn: true, expect4xx: true };
    },
    () => {
      const ref = action();
      return { category: "unparseable action body", method: "POST", path: ref.page, headers: base(ref), body: rng() < 0.8 ? pick(rng, BAD_BODIES) : junkString(rng, 200), signedIn: asVictim(ref) };
    },
    () => {
      const ref = action();
      const { body, contentType } = formActionBody({ a: "b" }, [{}]);
      const variant = int(rng, 0, 3);
      const ct = variant === 0 ? "multipart/form-data" : variant === 1 ? "multipart/form-data; boundary=nope" : contentType;
      const b = variant === 2 ? body.subarray(0, int(rng, 1, body.length - 1)) : variant === 3 ? Buffer.from(body.toString().replace('[{},"$K1"]', pick(rng, BAD_BODIES) || "[")) : body;
      return { category: "bad multipart", method: "POST", path: ref.page, headers: base(ref, { "content-type": ct }), body: b, signedIn: asVictim(ref) };
    },
    () => {
      const ref = action();
      const id = pick(rng, [hex(rng, 42), hex(rng, 40), "", "x", hex(rng, 2000), "../../etc/passwd", junkString(rng, 30).replace(/[^\x20-\x7e]/g, "")]);
      return { category: "wrong Next-Action id", method: "POST", path: ref.page, headers: base(ref, { "next-action": id }), body: encodeArgs([{}]), signedIn: true };
    },
    () => {
      const path = pick(rng, BAD_PATHS);
      if (rng() < 0.5) return { category: "bad percent-encoding in the path", method: "GET", path, headers: {}, signedIn: rng() < 0.5 };
      const ref = action();
      return { category: "bad percent-encoding in the path", method: "POST", path, headers: base(ref), body: encodeArgs([{}]), signedIn: true };
    },
    () => {
      const ref = action();
      const size = pick(rng, [1_100_000, 2_000_000, 6_000_000]);
      const form = rng() < 0.5;
      // a third are sent in chunks with no declared length: refused with 411 before any is read
      const chunked: Record<string, string> = rng() < 0.33 ? { "transfer-encoding": "chunked" } : {};
      if (form) {
        const { body, contentType } = formActionBody({ email: "x".repeat(size), dailyGoal: "x".repeat(size) }, [{}]);
        return { category: "oversized body", method: "POST", path: ref.page, headers: base(ref, { "content-type": contentType, ...chunked }), body, signedIn: true, expect4xx: true };
      }
      return { category: "oversized body", method: "POST", path: ref.page, headers: base(ref, chunked), body: encodeArgs([{ cardId: "x".repeat(size), logId: "y".repeat(1_000_000) }]), signedIn: true, expect4xx: true };
    },
    () => ({ category: "PUT/DELETE/PATCH/OPTIONS on a page", method: pick(rng, ["PUT", "DELETE", "PATCH", "OPTIONS"]), path: pick(rng, PAGES), headers: { "content-type": "application/json" }, body: pick(rng, ["{}", "", junkString(rng, 50)]), signedIn: rng() < 0.5 }),
    () => {
      // a plain (no JavaScript) form POST: Next looks for $ACTION_ID_ fields in the body
      const junkId = `$ACTION_ID_${pick(rng, [hex(rng, 42), "", junkString(rng, 10).replace(/[^\x20-\x7e"]/g, "")])}`;
      const body = rng() < 0.5 ? `${encodeURIComponent(junkId)}=&email=${encodeURIComponent(junkString(rng, 20))}` : junkString(rng, 100);
      return { category: "POST without Next-Action on a page", method: "POST", path: pick(rng, PAGES), headers: { "content-type": pick(rng, ["application/x-www-form-urlencoded", "text/plain", "application/json"]), origin }, body, signedIn: rng() < 0.5 };
    },
    () => {
      const ref = action();
      const headers: Record<string, string> = base(ref);
      delete headers["content-type"];
      return { category: "action without a content type", method: "POST", path: ref.page, headers, body: encodeArgs([{}]), signedIn: asVictim(ref) };
    },
  ];
  const make = kinds[FRAMING_CATEGORIES.indexOf(category)];
  return Array.from({ length: n }, () => make());
}
