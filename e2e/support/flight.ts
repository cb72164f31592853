// The React Flight wire format, as much of it as a server action round trip needs:
// encodeReply for plain values (what the browser sends) and a reader for the RSC response
// (rows "<hex id>:<json>\n", text rows "<hex id>:T<hex byte length>,<text>", hints ":HL[...]").

/** React's encodeReply for plain JSON-like values, NaN, Infinity, -0, undefined, bigint and Date. */
export function encodeValue(value: unknown): unknown {
  if (value === undefined) return "$undefined";
  if (typeof value === "string") return value.startsWith("$") ? "$" + value : value;
  if (typeof value === "bigint") return "$n" + value.toString();
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "$NaN";
    if (value === Infinity) return "$Infinity";
    if (value === -Infinity) return "$-Infinity";
    if (Object.is(value, -0)) return "$-0";
    return value;
  }
  if (value instanceof Date) return "$D" + value.toISOString();
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  return value;
}

export const encodeArgs = (args: unknown[]): string => JSON.stringify(encodeValue(args));

export type Row = { tag: string; text: string };

/** Splits a flight response into rows by id. */
export function parseRows(body: Buffer): Map<string, Row> {
  const rows = new Map<string, Row>();
  let i = 0;
  while (i < body.length) {
    const colon = body.indexOf(0x3a, i); // ':'
    if (colon < 0) break;
    const id = body.subarray(i, colon).toString("latin1");
    let j = colon + 1;
    const tag = /[A-Z]/.test(String.fromCharCode(body[j])) ? String.fromCharCode(body[j++]) : "";
    if (tag === "T") {
      const comma = body.indexOf(0x2c, j);
      const length = parseInt(body.subarray(j, comma).toString("latin1"), 16);
      rows.set(id, { tag, text: body.subarray(comma + 1, comma + 1 + length).toString("utf8") });
      i = comma + 1 + length;
      continue;
    }
    const end = body.indexOf(0x0a, j);
    const stop = end < 0 ? body.length : end;
    rows.set(id, { tag, text: body.subarray(j, stop).toString("utf8") });
    i = stop + 1;
  }
  return rows;
}

/** Resolves the references of one decoded row value against the other rows. */
function resolve(value: unknown, rows: Map<string, Row>, depth = 0): unknown {
  if (depth > 50) throw new Error("flight reference depth over 50");
  if (typeof value === "string" && value.startsWith("$")) {
    const rest = value.slice(1);
    if (rest.startsWith("$")) return rest;
    if (rest === "undefined") return undefined;
    if (rest === "NaN") return NaN;
    if (rest === "Infinity") return Infinity;
    if (rest === "-Infinity") return -Infinity;
    if (rest === "-0") return -0;
    if (rest.startsWith("D")) return new Date(rest.slice(1));
    if (rest.startsWith("n")) return BigInt(rest.slice(1));
    const ref = /^@?([0-9a-f]+)$/.exec(rest);
    if (ref) return rowValue(ref[1], rows, depth + 1);
    return value; // element, module or other reference this suite never needs
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, rows, depth + 1));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, rows, depth + 1)]));
  return value;
}

export class FlightError extends Error {}

function rowValue(id: string, rows: Map<string, Row>, depth: number): unknown {
  const row = rows.get(id);
  if (!row) throw new FlightError(`flight row ${id} is missing`);
  if (row.tag === "T") return row.text;
  if (row.tag === "E") throw new FlightError(`the action threw: ${row.text}`);
  return resolve(JSON.parse(row.text), rows, depth);
}

/** The action's return value: the row that row 0's "a" points to ("$@1"). */
export function actionReturnValue(body: Buffer): unknown {
  const rows = parseRows(body);
  const root = rows.get("0");
  if (!root) throw new FlightError(`no row 0 in the response: ${body.subarray(0, 300).toString()}`);
  const head = JSON.parse(root.text) as { a?: unknown };
  if (typeof head.a !== "string") throw new FlightError(`row 0 has no action result: ${root.text.slice(0, 300)}`);
  return resolve(head.a, rows);
}
