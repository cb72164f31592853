// The framing checks proxy.ts runs before Next.js parses a server action. Fixed inputs, written
// the way React's client encodes arguments (see e2e/support/flight.ts), and ones that are not.
import { describe, expect, it } from "vitest";
import { checkActionBody, checkReplyModel } from "./request-checks";

const noForm = async () => null;
const form = (fields: Record<string, string>) => async () => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("checkReplyModel", () => {
  it.each([
    [[{ cardId: "a/b", rating: 3 }]],
    [[]],
    [["$$escaped dollar", "$undefined", "$Infinity", "$-Infinity", "$-0", "$NaN", "$D2026-12-01T00:00:00.000Z", "$n12345"]],
    [[{ ok: false, error: null }, "$K1"]],
    [[[[[1]]]]],
  ])("accepts what React sends for plain arguments: %j", (model) => {
    expect(checkReplyModel(model)).toEqual({ ok: true });
  });

  it.each([
    ["$Q1", "a Map"],
    ["$W1", "a Set"],
    ["$F1", "an outlined part"],
    ["$@5", "a promise"],
    ["$1", "an outlined part"],
    ["$h1", "a server reference"],
    ["$T", "a temporary reference"],
    ["$B1", "a blob"],
    ["$i1", "an iterator"],
    ["$R1", "a stream"],
    ["$o1", "a typed array"],
    ["$K", "FormData without an id"],
    ["$n" + "9".repeat(301), "a bigint over React's limit"],
    ["$", "a bare dollar"],
  ])("refuses %s (%s) anywhere in the arguments", (ref) => {
    for (const model of [[ref], [{ deep: [{ deeper: ref }] }]]) {
      expect(checkReplyModel(model)).toMatchObject({ ok: false, status: 400, reason: "Unsupported reference in the action body." });
    }
  });

  it("refuses arguments that are not a list, and nesting past the bound", () => {
    expect(checkReplyModel({ __proto__: { polluted: 1 } })).toMatchObject({ ok: false, status: 400 });
    let deep: unknown = [];
    for (let i = 0; i < 250; i++) deep = [deep];
    expect(checkReplyModel(deep)).toMatchObject({ ok: false, status: 400, reason: "Action body nested too deeply." });
  });
});

describe("checkActionBody", () => {
  it("reads text bodies as JSON arguments", async () => {
    expect(await checkActionBody("text/plain;charset=UTF-8", '[{"cardId":"a/b"}]', noForm)).toEqual({ ok: true });
    expect(await checkActionBody("text/plain", '["$Q1"]', noForm)).toMatchObject({ ok: false, status: 400 });
    expect(await checkActionBody("text/plain", "[1,", noForm)).toMatchObject({ ok: false, status: 400, reason: "Unreadable action body." });
  });

  it("reads a form's arguments from field 0", async () => {
    const type = "multipart/form-data; boundary=x";
    expect(await checkActionBody(type, "…", form({ "0": '[{},"$K1"]', "1_email": "a@b.c" }))).toEqual({ ok: true });
    expect(await checkActionBody(type, "…", form({ "0": '["$F1"]' }))).toMatchObject({ ok: false, status: 400 });
    expect(await checkActionBody(type, "…", form({ "1_email": "a@b.c" }))).toMatchObject({ ok: false, status: 400, reason: "A server action form needs its arguments in field 0." });
    expect(await checkActionBody(type, "…", noForm)).toMatchObject({ ok: false, status: 400, reason: "Unreadable form body." });
  });

  it("refuses a missing or foreign content type and an oversized body", async () => {
    expect(await checkActionBody(null, "[]", noForm)).toMatchObject({ ok: false, status: 415 });
    expect(await checkActionBody("application/json", "[]", noForm)).toMatchObject({ ok: false, status: 415 });
    expect(await checkActionBody("text/plain", JSON.stringify(["x".repeat(1_000_001)]), noForm)).toMatchObject({ ok: false, status: 413 });
  });
});
