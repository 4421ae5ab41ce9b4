import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LiveAlertsPage } from "@/components/alerting/live/live-alerts-page";
import { projectIdParam } from "@/components/projects/route-params";

interface LivePageProps {
  params: Promise<{ id: string }>;
}

export default async function LivePage({ params }: LivePageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  return (
    <main>
      <LiveAlertsPage projectId={id} />
    </main>
  );
}
