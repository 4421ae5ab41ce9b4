import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { parsePanelParam } from "@/components/alerts/list/hrefs";
import { RulesPage } from "@/components/alerts/list/rules-page";
import { projectIdParam } from "@/components/projects/route-params";

interface AlertsPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AlertsPage({ params, searchParams }: AlertsPageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  const panel = (await searchParams).panel;
  return (
    <main>
      <RulesPage projectId={id} fromPanel={parsePanelParam(typeof panel === "string" ? panel : undefined)} />
    </main>
  );
}
