import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SharedProject } from "@/components/share/shared-project";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { getProject } from "@/lib/server/services/projects";
import { shareActor } from "@/lib/server/services/share-links";

export const dynamic = "force-dynamic";

interface SharePageProps {
  params: Promise<{ token: string }>;
}

/**
 * A read-only share link's page: open without an account (the root layout lets /share/* through).
 * The link is checked on every visit, so a revoked one shows ./not-found.tsx at once.
 */
export default async function SharePage({ params }: SharePageProps): Promise<ReactNode> {
  const { token } = await params;
  const db = await getDb();
  const actor = await shareActor(db, token);
  if (!actor) notFound();
  let record: Awaited<ReturnType<typeof getProject>>;
  try {
    record = await getProject({ actor, db }, actor.projectId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <main>
      <SharedProject token={token} projectId={record.id} version={record.version} project={record.project} />
    </main>
  );
}
