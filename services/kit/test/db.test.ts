import { expect } from "chai";
import { type Db, migrate, openDb } from "../db.ts";
import { databaseUrl } from "../../../test/support/env.ts";

describe("kit openDb and migrate", () => {
  const opened: Db[] = [];
  after(async () => {
    await Promise.all(opened.map((db) => db.destroy()));
  });

  it("lets six replicas of a service boot at once on a fresh database: one schema, each migration applied once", async function () {
    this.timeout(60_000);
    const schema = `race_${Date.now().toString(36)}`;
    const migrations = [
      {
        name: "001_boots",
        up: async (db: Db) => {
          await db.schema.createTable("boots", (t) => t.increments("id"));
          await db("boots").insert({});
        },
      },
    ];
    const replicas = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const db = await openDb({ schema, url: databaseUrl(), pool: { min: 0, max: 3 } });
        opened.push(db);
        await migrate(db, schema, migrations);
        return db;
      }),
    );
    const [db] = replicas;
    expect(await db.withSchema(schema).table("boots").count({ n: "*" })).to.deep.equal([{ n: 1 }]);
    const applied = await db.withSchema(schema).table("migrations").select("name");
    expect(applied.map((r) => r.name)).to.deep.equal(["001_boots"]);
  });
});
