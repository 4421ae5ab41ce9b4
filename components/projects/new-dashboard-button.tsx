"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useId, useState } from "react";
import { TextField } from "@/components/form/text-field";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageLoading } from "@/components/ui/page-loading";
import type { CreateDashboardBody } from "@/lib/api/schemas";
import { DashboardSchema } from "@/lib/model/dashboard";
import { catalogChoices, createdDashboardUid, dashboardHref, splitCreateError } from "./new-dashboard";
import { useCreateDashboard, useProject, useTemplates } from "./use-projects";
import "./new-dashboard-dialog.css";

type Mode = "blank" | "catalog";

/** A dashboard title's longest length in the model. */
const MAX_TITLE = DashboardSchema.shape.title.maxLength ?? 200;

const MODES: { value: Mode; label: string }[] = [
  { value: "blank", label: "Blank" },
  { value: "catalog", label: "From the catalog" },
];

export interface NewDashboardButtonProps {
  projectId: string;
}

interface CatalogListProps {
  projectId: string;
  selected: string | null;
  onSelect: (name: string) => void;
}

/** The catalog's dashboards; those the project already has are shown, but cannot be picked. */
function CatalogList({ projectId, selected, onSelect }: CatalogListProps): ReactNode {
  const templates = useTemplates();
  const project = useProject(projectId);
  const name = useId();
  if (templates.error) return <ApiErrorNotice error={templates.error} title="Could not load the catalog" />;
  if (!templates.data || !project.data) return <PageLoading label="Loading the catalog…" />;
  const choices = catalogChoices(templates.data, project.data.project.dashboards);
  return (
    <fieldset className="catalog-choices" data-testid="catalog-choices">
      <legend>Catalog dashboards</legend>
      {choices.map((choice) => (
        <label
          key={choice.name}
          className={choice.added ? "choice added" : selected === choice.name ? "choice active" : "choice"}
          data-testid="catalog-choice"
          data-template={choice.name}
          data-added={choice.added || undefined}
        >
          <input
            type="radio"
            name={name}
            value={choice.name}
            checked={selected === choice.name}
            disabled={choice.added}
            onChange={() => onSelect(choice.name)}
          />
          <span className="choice-title">
            {choice.title}
            <span className="badge" title="The lowest monitoring level that includes it">
              {choice.level}
            </span>
            {choice.added ? <span className="badge badge-current">in the project</span> : null}
          </span>
          <span className="muted small">{choice.description}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * "New dashboard" beside the overview's dashboards: a blank one with a title, or one from the
 * catalog (with the datasource it needs). On success the designer opens on it.
 */
export function NewDashboardButton({ projectId }: NewDashboardButtonProps): ReactNode {
  const router = useRouter();
  const create = useCreateDashboard(projectId);
  const modeName = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>("blank");
  const [title, setTitle] = useState("");
  const [template, setTemplate] = useState<string | null>(null);

  function close(): void {
    setOpen(false);
    setMode("blank");
    setTitle("");
    setTemplate(null);
    create.reset();
  }

  function chooseMode(next: Mode): void {
    setMode(next);
    create.reset();
  }

  function submit(): void {
    const body: CreateDashboardBody | null =
      mode === "blank"
        ? title.trim() === ""
          ? null
          : { title: title.trim() }
        : template === null
          ? null
          : { template };
    if (!body) return;
    create.mutate(body, {
      onSuccess: (result) => {
        const uid = createdDashboardUid(result);
        // Without a uid there is no designer to open; the refreshed overview shows the new dashboard.
        if (uid) router.push(dashboardHref(projectId, uid));
        else close();
      },
    });
  }

  const split = splitCreateError(create.error);
  // The model's limit, said here: the request schema's refusal of a longer title would not name the field.
  const tooLong = title.trim().length > MAX_TITLE;
  const titleIssues = tooLong
    ? [{ path: "title", message: `a title has at most ${MAX_TITLE} characters` }]
    : split.title;
  const ready = mode === "blank" ? title.trim() !== "" && !tooLong : template !== null;

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={() => setOpen(true)}
        data-testid="new-dashboard"
      >
        New dashboard
      </button>
      <ConfirmDialog
        open={open}
        title="New dashboard"
        confirmLabel={mode === "blank" ? "Create dashboard" : "Add dashboard"}
        confirmDisabled={!ready}
        pending={create.isPending}
        testId="new-dashboard-dialog"
        onCancel={close}
        onConfirm={submit}
      >
        {open ? (
          <>
            <div className="segmented" role="radiogroup" aria-label="Start from">
              {MODES.map((option) => (
                <label key={option.value} className={mode === option.value ? "segment active" : "segment"}>
                  <input
                    type="radio"
                    name={modeName}
                    value={option.value}
                    checked={mode === option.value}
                    onChange={() => chooseMode(option.value)}
                  />
                  {option.label}
                </label>
              ))}
            </div>
            {mode === "blank" ? (
              <TextField
                label="Title"
                value={title}
                onChange={(value) => {
                  setTitle(value);
                  if (create.isError) create.reset();
                }}
                issues={titleIssues}
                hint="The uid is made from the title; panels are added in the designer."
                placeholder="e.g. Checkout latency"
                testId="new-dashboard-title"
              />
            ) : (
              <CatalogList projectId={projectId} selected={template} onSelect={setTemplate} />
            )}
            <ApiErrorNotice error={split.rest} title="Could not add the dashboard" />
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
