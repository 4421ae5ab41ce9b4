"use client";

import type { ReactNode } from "react";
import { RouteError } from "@/components/ui/route-error";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }): ReactNode {
  return <RouteError error={error} retry={retry} what="the alert-path simulation" />;
}
