import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DashboardDesigner } from "@/components/dashboard/designer/dashboard-designer";
import { searchParamsOf, viewFromSearchParams } from "@/components/dashboard/model/view-url";
import { projectIdParam } from "@/components/projects/route-params";
import { DashboardUidSchema } from "@/lib/model/dashboard";

interface DashboardPageProps {
  params: Promise<{ id: string; uid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DashboardPage({
  params,
  searchParams,
}: DashboardPageProps): Promise<ReactNode> {
  const { id: rawId, uid: rawUid } = await params;
  const id = projectIdParam(rawId);
  const uid = decodeURIComponent(rawUid);
  if (!id || !DashboardUidSchema.safeParse(uid).success) notFound();
  return (
    <main className="dash-main">
      <DashboardDesigner
        projectId={id}
        uid={uid}
        view={viewFromSearchParams(searchParamsOf(await searchParams))}
      />
    </main>
  );
}
