import type { ReactNode } from "react";
import { PageLoading } from "@/components/ui/page-loading";

export default function Loading(): ReactNode {
  return (
    <main>
      <PageLoading label="Loading the simulation…" />
    </main>
  );
}
