import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The little raw SQL the migrator needs, over either driver: Prisma's client cannot run a
 * multi-statement migration script, and a session-level advisory lock needs one fixed connection.
 */
export interface SqlSession {
  query<Row extends object>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (simple query protocol, no parameters). */
  exec(script: string): Promise<void>;
  /** Runs `work` in BEGIN … COMMIT on this session, rolling back when it throws. */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
}

export interface SqlDatabase {
  /** Runs `work` on one connection held for its whole duration. */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}

function pgliteQueryable(target: PGlite | Transaction): Omit<SqlSession, "transaction"> {
  return {
    query: async <Row extends object>(sql: string, params: unknown[] = []) =>
      (await target.query<Row>(sql, params)).rows,
    exec: async (script) => {
      await target.exec(script);
    },
  };
}

/**
 * PGlite is one in-process session shared by every user of the instance, so "holding a session"
 * means queueing behind the previous holder (an advisory lock cannot tell them apart).
 */
export function pgliteSqlDatabase(pglite: PGlite): SqlDatabase {
  const session: SqlSession = {
    ...pgliteQueryable(pglite),
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          ...pgliteQueryable(tx),
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
        }),
      ),
  };
  let previous: Promise<unknown> = Promise.resolve();
  return {
    withSession: (work) => {
      const turn = previous.then(() => work(session));
      previous = turn.catch(() => undefined);
      return turn;
    },
  };
}

function pgClientSession(client: pg.PoolClient): SqlSession {
  const session: SqlSession = {
    query: async <Row extends object>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as Row[],
    exec: async (script) => {
      // Without parameters node-postgres uses the simple query protocol, which allows several statements.
      await client.query(script);
    },
    transaction: async (work) => {
      await client.query("BEGIN");
      try {
        const result = await work({
          ...session,
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
  return session;
}

export function pgPoolSqlDatabase(pool: pg.Pool): SqlDatabase {
  return {
    withSession: async (work) => {
      const client = await pool.connect();
      try {
        return await work(pgClientSession(client));
      } finally {
        client.release();
      }
    },
  };
}
