import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SimulatePage } from "@/components/alerting/simulation/simulate-page";
import { projectIdParam } from "@/components/projects/route-params";

interface SimulatePageRouteProps {
  params: Promise<{ id: string }>;
}

export default async function SimulatePageRoute({ params }: SimulatePageRouteProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  return (
    <main>
      <SimulatePage projectId={id} />
    </main>
  );
}
