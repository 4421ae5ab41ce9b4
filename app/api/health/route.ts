import type { Health } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** 200 when the database answers and migrations are applied; 503 otherwise. */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.prisma.$queryRaw`SELECT 1`;
    const body: Health = {
      status: "ok",
      database: { driver: db.driver, reachable: true, migrations: db.migrations },
    };
    return json(body);
  } catch (error) {
    console.error(error);
    return json({ status: "error", error: "database unreachable or migrations failed" }, 503);
  }
}
