import "server-only";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { databaseUrl } from "@/prisma/database-url";

// One client per process; in development Next reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { trickdeckDb?: PrismaClient };

export const db: PrismaClient = globalForDb.trickdeckDb ?? createPrismaClient(databaseUrl().url);
if (process.env.NODE_ENV !== "production") globalForDb.trickdeckDb = db;
