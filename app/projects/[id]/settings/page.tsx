import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { projectIdParam } from "@/components/projects/route-params";
import { SettingsEditor } from "@/components/settings/settings-editor";
import { ShareLinksManager } from "@/components/share/share-links-manager";

interface SettingsPageProps {
  params: Promise<{ id: string }>;
}

export default async function SettingsPage({ params }: SettingsPageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  return (
    <main>
      <SettingsEditor id={id} />
      <ShareLinksManager projectId={id} />
    </main>
  );
}
