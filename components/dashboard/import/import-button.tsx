"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";
import type { ImportDialogProps } from "./import-dialog";

/** The importer (and the Grafana mapping code) loads only when the dialog opens. */
const LazyImportDialog = dynamic<ImportDialogProps>(
  () => import("./import-dialog").then((module) => module.ImportDialog),
  {
    ssr: false,
  },
);

export interface ImportGrafanaButtonProps {
  projectId: string;
}

/** "Import Grafana dashboard" on the project page. */
export function ImportGrafanaButton({ projectId }: ImportGrafanaButtonProps): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="import-grafana">
        Import Grafana dashboard
      </button>
      {open ? <LazyImportDialog projectId={projectId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
