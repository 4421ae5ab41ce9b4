"use client";

import { type ReactNode, useState } from "react";
import { ReceiverNotifications } from "@/components/alerting/notifications/receiver-notifications";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { ProblemCountBadge } from "@/components/ui/problem-count-badge";
import { maskImportedSecrets } from "@/lib/import/alertmanager/imported-secrets";
import type { IntegrationType, Receiver, Route } from "@/lib/model/alertmanager";
import { receiverRenameProblem } from "../model/receiver-ops";
import { useAlertingIssues, useAlertingState } from "../store/store-provider";
import { IntegrationForm, integrationTitle } from "./integration-form";

const TYPES: readonly { id: IntegrationType; label: string }[] = [
  { id: "slack", label: "Slack" },
  { id: "email", label: "Email" },
  { id: "pagerduty", label: "PagerDuty" },
  { id: "webhook", label: "Webhook" },
];

/** How many routes name `receiver`. */
function routesNaming(route: Route, receiver: string): number {
  return (
    (route.receiver === receiver ? 1 : 0) +
    route.routes.reduce((n, child) => n + routesNaming(child, receiver), 0)
  );
}

function ReceiverList(): ReactNode {
  const receivers = useAlertingState((state) => state.draft.receivers);
  const selected = useAlertingState((state) => state.selectedReceiver);
  const select = useAlertingState((state) => state.selectReceiver);
  const addReceiver = useAlertingState((state) => state.addReceiver);
  const issues = useAlertingIssues();
  return (
    <nav className="alerts-rule-list" aria-label="Receivers" data-testid="receiver-list">
      {receivers.length === 0 ? <p className="empty">No receivers: alerts are not sent anywhere.</p> : null}
      <ul>
        {receivers.map((receiver, index) => {
          const errors = issuesWithin(issues, `receivers[${index}]`).filter(
            (i) => i.severity === "error",
          ).length;
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: two receivers may share a name while it is being fixed
              key={index}
              className={index === selected ? "active" : undefined}
              data-testid="receiver-item"
              data-receiver={receiver.name}
            >
              <button
                type="button"
                className="alerts-rule-pick"
                onClick={() => select(index)}
                aria-current={index === selected || undefined}
              >
                <code>{receiver.name}</code>{" "}
                {receiver.integrations.map((integration, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: integrations have no identity of their own
                  <span key={i} className="badge">
                    {integration.type}
                  </span>
                ))}
                {receiver.verbatim?.map((entry) => (
                  <span key={entry.key} className="badge">
                    {entry.key.replace(/_configs$/, "")}
                  </span>
                ))}
                <ProblemCountBadge count={errors} />
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" onClick={addReceiver} data-testid="add-receiver">
        Add receiver
      </button>
    </nav>
  );
}

/** The name, applied on Enter or leaving the field: routes that name the receiver follow the new name. */
function RenameField({ index, receiver }: { index: number; receiver: Receiver }): ReactNode {
  const draft = useAlertingState((state) => state.draft);
  const rename = useAlertingState((state) => state.renameReceiver);
  const issues = useAlertingIssues();
  const [text, setText] = useState(receiver.name);
  const [problem, setProblem] = useState<string | undefined>();
  const apply = (): void => {
    if (text === receiver.name) {
      setProblem(undefined);
      return;
    }
    const refused = receiverRenameProblem(draft, index, text);
    setProblem(refused);
    if (!refused) rename(index, text);
  };
  const fieldIssues = [
    ...(problem ? [{ path: `receivers[${index}].name`, message: problem, severity: "error" as const }] : []),
    ...issuesWithin(issues, `receivers[${index}].name`),
  ];
  return (
    <div className="field dash-field">
      <label className="field-label" htmlFor={`receiver-name-${index}`}>
        Receiver name
      </label>
      <input
        id={`receiver-name-${index}`}
        value={text}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply();
        }}
        data-testid="receiver-name"
      />
      <span className="field-hint">Renaming updates the routes that name it.</span>
      <FieldMessages issues={fieldIssues} testId="receiver-name-issues" />
    </div>
  );
}

function ReceiverDetail({ index, receiver }: { index: number; receiver: Receiver }): ReactNode {
  const projectId = useAlertingState((state) => state.projectId);
  const route = useAlertingState((state) => state.draft.route);
  const update = useAlertingState((state) => state.updateReceiver);
  const addIntegration = useAlertingState((state) => state.addIntegration);
  const deleteReceiver = useAlertingState((state) => state.deleteReceiver);
  const issues = useAlertingIssues();
  const [type, setType] = useState<IntegrationType>("slack");
  const used = routesNaming(route, receiver.name);
  return (
    <section className="alerting-detail" data-testid="receiver-detail" data-receiver={receiver.name}>
      <div className="alerts-field-row">
        <RenameField key={receiver.name} index={index} receiver={receiver} />
        <p className="muted small">
          Used by {used} route{used === 1 ? "" : "s"}.
        </p>
        <button
          type="button"
          className="button button-danger-outline"
          onClick={() => deleteReceiver(index)}
          data-testid="delete-receiver"
          title={used > 0 ? "Routes naming it are marked until another receiver is picked" : undefined}
        >
          Delete receiver
        </button>
      </div>
      <h3>Integrations</h3>
      {receiver.integrations.length === 0 && !receiver.verbatim?.length ? (
        <p className="muted">No integrations: alerts routed here are dropped.</p>
      ) : null}
      {receiver.integrations.map((integration, i) => {
        const path = `receivers[${index}].integrations[${i}]`;
        return (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: integrations have no identity of their own
            key={i}
            className="alerting-integration"
            data-testid="integration"
            data-type={integration.type}
          >
            <legend>
              {integrationTitle(integration)} {i + 1}
            </legend>
            <IntegrationForm
              integration={integration}
              onChange={(next) =>
                update(
                  index,
                  (current) => ({
                    ...current,
                    integrations: current.integrations.map((entry, j) => (j === i ? next : entry)),
                  }),
                  path,
                )
              }
              issues={issues}
              path={path}
              testId={`integration-${i}`}
              receiverName={receiver.name}
            />
            <button
              type="button"
              className="button button-small button-danger-outline"
              onClick={() =>
                update(index, (current) => ({
                  ...current,
                  integrations: current.integrations.filter((_, j) => j !== i),
                }))
              }
            >
              Remove {integrationTitle(integration)} {i + 1}
            </button>
          </fieldset>
        );
      })}
      {maskedVerbatim(receiver).map((entry) => (
        <fieldset key={entry.key} className="alerting-integration" data-testid="verbatim-integration">
          <legend>
            {entry.key} <span className="badge">kept as imported, exported verbatim</span>
          </legend>
          <p className="muted small">
            Obsforge does not edit this integration type; it is written to alertmanager.yml as it was imported
            {entry.secretPaths.length > 0
              ? `, its secrets (${entry.secretPaths.join(", ")}) masked here`
              : ""}
            .
          </p>
          <pre className="alerting-verbatim">{JSON.stringify(entry.config, null, 2)}</pre>
        </fieldset>
      ))}
      <div className="alerts-toolbar">
        <label className="field-label" htmlFor={`integration-type-${index}`}>
          Integration type
        </label>
        <select
          id={`integration-type-${index}`}
          value={type}
          onChange={(event) => setType(event.target.value as IntegrationType)}
          data-testid="integration-type"
        >
          {TYPES.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => addIntegration(index, type)}
          data-testid="add-integration"
        >
          Add integration
        </button>
      </div>
      <ReceiverNotifications projectId={projectId} receiverName={receiver.name} />
    </section>
  );
}

/** The receiver's verbatim configs with imported literal secrets masked, for showing them. */
function maskedVerbatim(receiver: Receiver): NonNullable<Receiver["verbatim"]> {
  const section = maskImportedSecrets({
    receivers: [receiver],
    route: { matchers: [], continue: false, routes: [] },
    inhibitRules: [],
    alertmanager: { templates: [], timeIntervals: [] },
  });
  return section.receivers[0]?.verbatim ?? [];
}

export function ReceiversTab(): ReactNode {
  const receivers = useAlertingState((state) => state.draft.receivers);
  const selected = useAlertingState((state) => state.selectedReceiver);
  const receiver = selected === undefined ? undefined : receivers[selected];
  return (
    <div className="alerts-editor-body" data-testid="receivers-tab">
      <ReceiverList />
      {receiver && selected !== undefined ? (
        <ReceiverDetail key={selected} index={selected} receiver={receiver} />
      ) : (
        <p className="muted alerts-pick-hint">Pick a receiver to edit it, or add one.</p>
      )}
    </div>
  );
}
