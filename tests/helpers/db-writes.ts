// Finds database writes that bypass db.$transaction, by walking the TypeScript syntax tree (so a
// call split over lines, an aliased client or a raw SQL write is found, unlike with a line grep).
// A write is a call of a Prisma write method on a model of a client (db.card.update(...)), a raw
// execute (db.$executeRaw`...`, db.$executeRawUnsafe(...)), a raw query whose SQL text writes,
// or Auth.js's PrismaAdapter built over the client (it writes with plain queries).
import ts from "typescript";

const MODEL_WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);
const RAW_WRITES = new Set(["$executeRaw", "$executeRawUnsafe"]);
const RAW_QUERIES = new Set(["$queryRaw", "$queryRawUnsafe"]);
const WRITE_SQL = /\b(insert|update|delete|replace)\b/i;

/** The identifier an access chain starts from, and the names along it: db.card["update"] -> db, [card, update]. */
function chain(expr: ts.Expression): { root?: ts.Identifier; names: string[] } {
  const names: string[] = [];
  for (;;) {
    if (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isTypeAssertionExpression(expr)) {
      expr = expr.expression;
    } else if (ts.isPropertyAccessExpression(expr)) {
      names.unshift(expr.name.text);
      expr = expr.expression;
    } else if (ts.isElementAccessExpression(expr)) {
      names.unshift(ts.isStringLiteralLike(expr.argumentExpression) ? expr.argumentExpression.text : "?");
      expr = expr.expression;
    } else {
      return { root: ts.isIdentifier(expr) ? expr : undefined, names };
    }
  }
}

const isClientType = (t: ts.TypeNode | undefined) => !!t && /\bPrismaClient\b/.test(t.getText());
const makesClient = (e: ts.Expression | undefined) =>
  !!e && ((ts.isCallExpression(e) && /(^|\.)createPrismaClient$/.test(e.expression.getText())) || (ts.isNewExpression(e) && e.expression.getText() === "PrismaClient"));

/** Names that hold a Prisma client in this file (`db`, imports of it, PrismaClient-typed names) or one of its models. */
function clientNames(file: ts.SourceFile): { clients: Set<string>; models: Set<string> } {
  const clients = new Set(["db"]);
  const models = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /(^|\/)server\/db$/.test(node.moduleSpecifier.text)) {
      const named = node.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) for (const el of named.elements) clients.add(el.name.text);
    }
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && ts.isIdentifier(node.name)) {
      if (isClientType(node.type) || makesClient(node.initializer)) clients.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // `const cards = db.cardState;` then `cards.update(...)`
  const aliases = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const c = chain(node.initializer);
      if (c.root && clients.has(c.root.text) && c.names.length === 1 && !c.names[0].startsWith("$")) models.add(node.name.text);
    }
    ts.forEachChild(node, aliases);
  };
  aliases(file);
  return { clients, models };
}

const sqlText = (arg: ts.Node | undefined): string =>
  !arg ? "" : ts.isStringLiteralLike(arg) ? arg.text : ts.isTemplateExpression(arg) ? [arg.head.text, ...arg.templateSpans.map((s) => s.literal.text)].join(" ") : "";

/** Where `node` sits relative to the nearest enclosing `<client>.$transaction(...)` call. */
function transactionContext(node: ts.Node, clients: Set<string>): "batch" | "callback" | "none" {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (!ts.isCallExpression(p) || !p.arguments.includes(child as ts.Expression)) continue;
    const c = chain(p.expression);
    if (c.root && clients.has(c.root.text) && c.names.join(".") === "$transaction") return ts.isArrayLiteralExpression(child) ? "batch" : "callback";
  }
  return "none";
}

export interface PlainWrite {
  line: number;
  call: string;
  why: string;
}

/** Every write in `text` (a .ts/.tsx/.js/.mjs file) that does not run through db.$transaction. */
export function plainDbWrites(fileName: string, text: string): PlainWrite[] {
  const kind = /\.tsx$/.test(fileName) ? ts.ScriptKind.TSX : /\.m?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const { clients, models } = clientNames(file);
  const found: PlainWrite[] = [];
  const report = (node: ts.Node, why: string) =>
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, call: node.getText().replace(/\s+/g, " ").slice(0, 80), why });

  const visit = (node: ts.Node) => {
    const call = ts.isCallExpression(node) ? { callee: node.expression, sql: node.arguments[0] } : ts.isTaggedTemplateExpression(node) ? { callee: node.tag, sql: node.template } : undefined;
    if (call) {
      const { root, names } = chain(call.callee);
      const method = names.at(-1) ?? "";
      const onClient = !!root && clients.has(root.text);
      const isWrite =
        (onClient && names.length === 2 && !names[0].startsWith("$") && MODEL_WRITES.has(method)) ||
        (!!root && models.has(root.text) && names.length === 1 && MODEL_WRITES.has(method)) ||
        (onClient && names.length === 1 && RAW_WRITES.has(method)) ||
        (onClient && names.length === 1 && RAW_QUERIES.has(method) && WRITE_SQL.test(sqlText(call.sql)));
      if (isWrite) {
        const where = transactionContext(node, clients);
        if (where === "none") report(node, "write outside db.$transaction");
        if (where === "callback") report(node, "write on the client inside a $transaction callback: use the transaction client");
      }
      if (ts.isCallExpression(node) && root?.text === "PrismaAdapter" && names.length === 0) {
        const arg = node.arguments[0] && chain(node.arguments[0]);
        if (arg?.root && clients.has(arg.root.text)) report(node, "PrismaAdapter over the client writes outside transactions: use transactionalPrismaAdapter (server/auth-adapter.ts)");
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
