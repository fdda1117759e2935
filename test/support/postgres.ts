/**
 * A fresh Postgres database per test run on the server at TEST_POSTGRES_URL (default: the local
 * one, which `make test` makes sure answers), dropped at the end, so runs never collide.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export type TestPostgres = { url: string; database: string; drop(): Promise<void> };

export function adminUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export async function createDatabase(prefix = "convene_test"): Promise<TestPostgres> {
  const base = new URL(adminUrl());
  const database = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    database,
    async drop() {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      try {
        await c.query(`drop database if exists "${database}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
