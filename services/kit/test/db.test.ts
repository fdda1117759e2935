import { expect } from "chai";
import { type Db, holdConnection, migrate, openDb, prepared } from "../db.ts";
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

  it("prepares a held connection's statements once, answers in the caller's order, and starts over after a failed send", async () => {
    const db = await openDb({ schema: `prep_${Date.now().toString(36)}`, url: databaseUrl(), pool: { min: 1, max: 1 } });
    opened.push(db);
    const twice = prepared("kit_test_twice", ["int"], "select $1 * 2 as n");
    const plus = prepared("kit_test_plus", ["int", "int"], "select $1 + $2 as n");
    const count = async () => Number((await db.raw("select count(*) as n from pg_prepared_statements where name like 'kit_test_%'")).rows[0].n);

    const a = await holdConnection(db);
    const head = a.prepared([twice, plus]);
    expect(head).to.contain("prepare kit_test_twice(int)").and.contain("prepare kit_test_plus(int, int)");
    expect(await a.send(`${head}${twice.execute("21")}; ${plus.execute("1", "2")}`)).to.deep.equal([[{ n: 42 }], [{ n: 3 }]]);
    expect(a.prepared([twice, plus]), "nothing more to prepare").to.equal("");
    a.release();

    // The pool's one connection again: it still has them.
    const b = await holdConnection(db);
    expect(b.prepared([twice])).to.equal("");
    expect(await b.send(twice.execute("5"))).to.deep.equal([[{ n: 10 }]]);
    // A send that fails may or may not have run its PREPAREs: the next one deallocates and prepares again.
    await b.send("select 1/0").catch(() => undefined);
    const again = b.prepared([twice]);
    expect(again).to.match(/^deallocate all;\n/).and.contain("prepare kit_test_twice");
    expect(await b.send(`${again}${twice.execute("4")}`)).to.deep.equal([[{ n: 8 }]]);
    // PREPAREs handed out for a send that is never made (its statements failed to build) are not counted as made.
    expect(b.prepared([plus])).to.contain("prepare kit_test_plus");
    b.release();
    const c = await holdConnection(db);
    const head2 = c.prepared([plus]);
    expect(head2).to.contain("prepare kit_test_plus");
    expect(await c.send(`${head2}${plus.execute("2", "2")}`)).to.deep.equal([[{ n: 4 }]]);
    c.release();
    expect(await count(), "the one connection holds what it prepared since").to.equal(2);
  });
});
