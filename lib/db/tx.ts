import type { Prisma } from "../generated/prisma/client";

/** A transaction's client: what every write of lib/db runs its statements on. */
export type Tx = Prisma.TransactionClient;
