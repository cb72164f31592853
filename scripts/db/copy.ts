// npm run db:copy -- --from file:./data/trickdeck.db --to postgres://user@host/trickdeck [--force]
// Moves every row from one database to another (typically SQLite to PostgreSQL), keeping ids:
// migrates the target, refuses a target that holds any row unless --force (which empties it),
// then copies model by model (referenced models first) in batches, one transaction per batch,
// with a progress bar on stderr. Stop the app first: rows written during the copy may be missed.
import { Prisma } from "../../generated/prisma/client";
import { createPrismaClient, dialectOf, type PrismaClient } from "../../prisma/client";
import { databaseTarget } from "../../prisma/database-url";
import { deployInChild } from "./migrate-check";
import { modelInfo, type ModelInfo } from "./model-info";

export interface CopyOptions {
  from: string;
  to: string;
  force?: boolean;
  batchSize?: number;
  /** progress output; default: a bar on stderr */
  progress?: (done: number, total: number, model: string) => void;
}

type Delegate = {
  count: () => Promise<number>;
  findMany: (args: object) => Promise<Record<string, unknown>[]>;
  createMany: (args: { data: Record<string, unknown>[] }) => Promise<{ count: number }>;
  deleteMany: () => Promise<{ count: number }>;
};
const delegate = (db: PrismaClient | Prisma.TransactionClient, m: ModelInfo) => (db as unknown as Record<string, Delegate>)[m.delegate];

export function progressBar(done: number, total: number, model: string) {
  const width = 30;
  const share = total ? done / total : 1;
  const filled = Math.round(share * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} rows (${model})        `);
  if (done === total) process.stderr.write("\n");
}

/** Copies every row; returns the rows copied per model. */
export async function copyDatabase(o: CopyOptions): Promise<Record<string, number>> {
  const batch = o.batchSize ?? 1000;
  const progress = o.progress ?? progressBar;
  databaseTarget(o.from);
  databaseTarget(o.to); // both URLs valid before anything is touched
  deployInChild(o.to);
  const models = modelInfo();
  const source = createPrismaClient(o.from);
  const target = createPrismaClient(o.to);
  try {
    const present = (await Promise.all(models.map(async (m) => [m.name, await delegate(target, m).count()] as const))).filter(([, n]) => n > 0);
    if (present.length && !o.force) {
      throw new Error(`The target database is not empty (${present.map(([name, n]) => `${name}: ${n}`).join(", ")}). Use --force to empty it first.`);
    }
    if (present.length) await target.$transaction(async (tx) => {
      for (const m of [...models].reverse()) await delegate(tx, m).deleteMany();
    }, { timeout: 600_000 });

    const counts = Object.fromEntries(await Promise.all(models.map(async (m) => [m.name, await delegate(source, m).count()] as const)));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    let done = 0;
    progress(done, total, "");
    for (const m of models) {
      const orderBy = m.key.map((k) => ({ [k]: "asc" }));
      for (let skip = 0; skip < counts[m.name]; skip += batch) {
        const rows = await delegate(source, m).findMany({ orderBy, skip, take: batch });
        // a null Json value reads as null but must be written as DbNull
        const data = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null && m.jsonFields.includes(k) ? Prisma.DbNull : v])));
        await target.$transaction((tx) => delegate(tx, m).createMany({ data }));
        done += rows.length;
        progress(done, total, m.name);
      }
    }
    await dialectOf(target).afterCopy(target);
    return counts;
  } finally {
    await source.$disconnect();
    await target.$disconnect();
  }
}

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const from = value("--from");
  const to = value("--to");
  const batchSize = Number(value("--batch") ?? 1000);
  if (!from || !to || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error("usage: npm run db:copy -- --from <DATABASE_URL> --to <DATABASE_URL> [--force] [--batch 1000]");
  }
  return { from, to, force: argv.includes("--force"), batchSize };
}

if (process.argv[1]?.endsWith("copy.ts")) {
  (async () => {
    const counts = await copyDatabase(parseArgs(process.argv.slice(2)));
    console.log(`Copied ${Object.entries(counts).filter(([, n]) => n > 0).map(([m, n]) => `${n} ${m}`).join(", ")}.`);
  })().catch((err) => {
    console.error(`\n${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
