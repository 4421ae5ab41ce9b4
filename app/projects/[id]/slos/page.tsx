import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { projectIdParam } from "@/components/projects/route-params";
import { SloPage } from "@/components/slo/slo-page";

interface SlosPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SlosPage({ params, searchParams }: SlosPageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  const group = (await searchParams).group;
  return (
    <main>
      <SloPage projectId={id} groupName={typeof group === "string" && group !== "" ? group : undefined} />
    </main>
  );
}
