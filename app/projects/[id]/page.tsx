import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ProjectOverview } from "@/components/projects/project-overview";
import { projectIdParam } from "@/components/projects/route-params";

interface ProjectPageProps {
  params: Promise<{ id: string }>;
}

export default async function ProjectPage({ params }: ProjectPageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  return (
    <main>
      <ProjectOverview id={id} />
    </main>
  );
}
