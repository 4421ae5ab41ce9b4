"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import type { CreateProjectBody } from "@/lib/api/schemas";
import type { Level } from "@/lib/model/common";
import type { FrameworkVersion } from "@/lib/model/project";
import { useCreateProject, useTemplates } from "./use-projects";

type Source = "template" | "deployment" | "json" | "empty";

const SOURCES: { value: Source; label: string }[] = [
  { value: "template", label: "Level template" },
  { value: "deployment", label: "deployment.yaml" },
  { value: "json", label: "Project JSON" },
  { value: "empty", label: "Empty" },
];

const LEVELS: { value: Level; title: string; description: string }[] = [
  {
    value: "basic",
    title: "Basic",
    description: "Operations, FraiseQL performance and infrastructure; availability and latency alerts.",
  },
  {
    value: "standard",
    title: "Standard",
    description: "Adds database, PostgreSQL, cache and error-analysis dashboards with their alerts.",
  },
  {
    value: "enterprise",
    title: "Enterprise",
    description: "Adds user activity and compliance & audit, with security alerts.",
  },
];

/** Turns the form's state into the request body, or says what is missing. */
function buildBody(
  source: Source,
  fields: { name: string; level: Level; version: FrameworkVersion; text: string },
): CreateProjectBody | string {
  const name = fields.name.trim();
  switch (source) {
    case "template":
      return name === ""
        ? "Give the project a name."
        : { template: fields.level, name, version: fields.version };
    case "empty":
      return name === "" ? "Give the project a name." : { empty: true, name };
    case "deployment":
      return fields.text.trim() === "" ? "Choose a deployment.yaml file." : { deploymentYaml: fields.text };
    case "json": {
      if (fields.text.trim() === "") return "Choose a project JSON file.";
      try {
        return { project: JSON.parse(fields.text) as unknown };
      } catch (error) {
        return `The file is not JSON: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    default: {
      const exhaustive: never = source;
      throw new Error(`unknown source ${String(exhaustive)}`);
    }
  }
}

export interface NewProjectTeam {
  id: string;
  name: string;
}

export interface NewProjectFormProps {
  /** The teams where the user may create projects; a choice is offered when there are several. */
  teams?: readonly NewProjectTeam[];
  onCancel?: () => void;
}

/** Starts a project four ways; on success opens it, on failure shows every issue inline. */
export function NewProjectForm({ teams = [], onCancel }: NewProjectFormProps): ReactNode {
  const router = useRouter();
  const create = useCreateProject();
  const templates = useTemplates();
  const formId = useId();
  const [source, setSource] = useState<Source>("template");
  const [name, setName] = useState("");
  const [level, setLevel] = useState<Level>("standard");
  const [version, setVersion] = useState<FrameworkVersion>("v2");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string>(teams[0]?.id ?? "");
  const [localError, setLocalError] = useState<string | null>(null);

  const describeLevel = (value: Level): string =>
    templates.data?.find((t) => t.kind === "level" && t.level === value)?.description ??
    LEVELS.find((l) => l.value === value)?.description ??
    "";

  function chooseSource(next: Source): void {
    setSource(next);
    setText("");
    setFileName(null);
    setLocalError(null);
    create.reset();
  }

  async function readFile(file: File | undefined): Promise<void> {
    setLocalError(null);
    create.reset();
    if (!file) {
      setText("");
      setFileName(null);
      return;
    }
    setFileName(file.name);
    setText(await file.text());
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const body = buildBody(source, { name, level, version, text });
    if (typeof body === "string") {
      setLocalError(body);
      return;
    }
    setLocalError(null);
    // With one team (or none) the server's rule picks it; a choice among several is sent.
    const chosen = teams.length > 1 && teamId !== "" ? { ...body, teamId } : body;
    create.mutate(chosen, { onSuccess: (record) => router.push(`/projects/${record.id}`) });
  }

  const needsName = source === "template" || source === "empty";
  const needsFile = source === "deployment" || source === "json";

  return (
    <form className="card form" onSubmit={submit} data-testid="new-project-form" noValidate>
      <h2>New project</h2>
      <div className="segmented" role="radiogroup" aria-label="Start from">
        {SOURCES.map((option) => (
          <label key={option.value} className={source === option.value ? "segment active" : "segment"}>
            <input
              type="radio"
              name={`${formId}-source`}
              value={option.value}
              checked={source === option.value}
              onChange={() => chooseSource(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>

      {source === "template" ? (
        <>
          <fieldset className="level-choices">
            <legend>Level</legend>
            {LEVELS.map((option) => (
              <label key={option.value} className={level === option.value ? "choice active" : "choice"}>
                <input
                  type="radio"
                  name={`${formId}-level`}
                  value={option.value}
                  checked={level === option.value}
                  onChange={() => setLevel(option.value)}
                />
                <span className="choice-title">{option.title}</span>
                <span className="muted small">{describeLevel(option.value)}</span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span className="field-label">FraiseQL version</span>
            <select
              value={version}
              onChange={(event) => setVersion(event.target.value as FrameworkVersion)}
              data-testid="new-project-version"
            >
              <option value="v2">v2 (Rust server)</option>
              <option value="v1">v1 (Python)</option>
            </select>
            <span className="field-hint">
              v2 and v1 expose different metric names; the dashboards follow.
            </span>
          </label>
        </>
      ) : null}

      {needsName ? (
        <label className="field">
          <span className="field-label">Name</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            placeholder="e.g. Shop API"
            data-testid="new-project-name"
          />
        </label>
      ) : null}

      {needsFile ? (
        <label className="field">
          <span className="field-label">{source === "deployment" ? "deployment.yaml" : "Project JSON"}</span>
          <input
            type="file"
            accept={
              source === "deployment" ? ".yaml,.yml,application/yaml,text/yaml" : ".json,application/json"
            }
            onChange={(event) => void readFile(event.target.files?.[0])}
            data-testid="new-project-file"
          />
          <span className="field-hint">
            {fileName
              ? `${fileName}: ${text.length.toLocaleString()} characters`
              : source === "deployment"
                ? "The short deployment file: deployment, monitoring.level, dashboards, alert channels and rules."
                : "A file saved with Export JSON."}
          </span>
        </label>
      ) : null}

      {teams.length > 1 ? (
        <label className="field">
          <span className="field-label">Team</span>
          <select
            value={teamId}
            onChange={(event) => setTeamId(event.target.value)}
            data-testid="new-project-team"
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <span className="field-hint">Its members see the project; its editors and owners change it.</span>
        </label>
      ) : null}

      {localError ? (
        <div className="notice notice-error" role="alert" data-testid="form-error">
          {localError}
        </div>
      ) : null}
      <ApiErrorNotice error={create.error} title="Could not create the project" />

      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending}
          data-testid="create-project"
        >
          {create.isPending ? "Creating…" : "Create project"}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
