import { PGlite } from "@electric-sql/pglite";
const db = new PGlite();
const r = await db.query("select version(), now()");
console.log(r.rows);
try { await db.exec("create extension pg_stat_statements"); console.log("pss ok"); } catch (e) { console.log("no pss", (e as Error).message); }
