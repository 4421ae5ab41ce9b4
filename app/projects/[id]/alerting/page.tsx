import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AlertingEditor } from "@/components/alerting/editor/alerting-editor";
import type { AlertingTab } from "@/components/alerting/store/alerting-store";
import { projectIdParam } from "@/components/projects/route-params";

interface AlertingPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const TABS: readonly AlertingTab[] = ["receivers", "routes", "inhibit", "intervals"];

export default async function AlertingPage({ params, searchParams }: AlertingPageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  const tab = (await searchParams).tab;
  return (
    <main>
      <AlertingEditor projectId={id} tab={TABS.find((candidate) => candidate === tab)} />
    </main>
  );
}
