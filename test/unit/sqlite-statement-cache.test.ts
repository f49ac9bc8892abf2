import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { SchemaFreeDb } from "../../db/dialect";
import { withStatementCache } from "../../db/sqlite-statement-cache";

describe("the SQLite statement cache", () => {
  it("prepares a statement once, and keeps at most its capacity, dropping the least recently used", () => {
    const database = new SQLite(":memory:");
    const cached = withStatementCache(database, 2);
    const first = cached.prepare("select 1");
    expect(cached.prepare("select 1")).toBe(first);
    cached.prepare("select 2");
    cached.prepare("select 1"); // used again: "select 2" is now the oldest
    cached.prepare("select 3");
    expect(cached.prepare("select 1")).toBe(first);
    const again = cached.prepare("select 2");
    expect(again.all([])).toEqual([{ 2: 2 }]);
    cached.close();
    expect(database.open).toBe(false);
  });

  it("gives the same answers through Kysely after a schema change and a half-read stream", async () => {
    const db: SchemaFreeDb = new Kysely({
      dialect: new SqliteDialect({ database: withStatementCache(new SQLite(":memory:")) }),
    });
    await sql`create table t (id integer primary key, name text)`.execute(db);
    for (const name of ["a", "b", "c"]) await db.insertInto("t").values({ name }).execute();
    const names = () => db.selectFrom("t").selectAll().orderBy("id").execute();
    expect((await names()).map((r) => r.name)).toEqual(["a", "b", "c"]);
    for await (const row of db.selectFrom("t").selectAll().orderBy("id").stream()) {
      expect(row.name).toBe("a");
      break; // a stream left early must leave its statement reusable
    }
    await sql`alter table t add column note text`.execute(db);
    await db.updateTable("t").set({ note: "x" }).where("name", "=", "b").execute();
    expect(await names()).toEqual([
      { id: 1, name: "a", note: null },
      { id: 2, name: "b", note: "x" },
      { id: 3, name: "c", note: null },
    ]);
    await db.destroy();
  });
});
