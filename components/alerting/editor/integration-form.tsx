"use client";

import type { ReactNode } from "react";
import { CheckField } from "@/components/form/settings-field";
import type { Integration } from "@/lib/model/alertmanager";
import type { ModelIssue } from "@/lib/model/issues";
import { secretVariable } from "../model/receiver-ops";
import { optionalText, TextInput, withOptional } from "./fields";
import { SecretRefField } from "./secret-ref-field";

export interface IntegrationFormProps {
  integration: Integration;
  onChange: (integration: Integration) => void;
  issues: readonly ModelIssue[];
  /** `receivers[0].integrations[1]`. */
  path: string;
  /** Test id prefix: `integration-0`. */
  testId: string;
  /** The receiver's name, for the variable names of secrets added here. */
  receiverName: string;
}

const TITLES: Record<Integration["type"], string> = {
  slack: "Slack",
  email: "Email",
  pagerduty: "PagerDuty",
  webhook: "Webhook",
};

export function integrationTitle(integration: Integration): string {
  return TITLES[integration.type];
}

/** One integration's fields; secrets are variable names only (the value never reaches the page). */
export function IntegrationForm({
  integration,
  onChange,
  issues,
  path,
  testId,
  receiverName,
}: IntegrationFormProps): ReactNode {
  const sendResolved = (
    <CheckField
      label="Send resolved notifications"
      checked={integration.sendResolved}
      onChange={(checked) => onChange({ ...integration, sendResolved: checked })}
      testId={`${testId}-send-resolved`}
    />
  );
  switch (integration.type) {
    case "slack":
      return (
        <div className="alerts-field-row">
          <TextInput
            label="Slack channel"
            value={integration.channel}
            onChange={(channel) => onChange({ ...integration, channel })}
            issues={issues}
            path={`${path}.channel`}
            testId={`${testId}-channel`}
            placeholder="#alerts"
          />
          <SecretRefField
            label="Slack API URL"
            secret={integration.apiUrl}
            onChange={(apiUrl) => onChange({ ...integration, apiUrl })}
            issues={issues}
            path={`${path}.apiUrl`}
            testId={`${testId}-api-url`}
          />
          {sendResolved}
        </div>
      );
    case "email":
      return (
        <div className="alerts-field-row">
          <TextInput
            label="To"
            value={integration.to}
            onChange={(to) => onChange({ ...integration, to })}
            issues={issues}
            path={`${path}.to`}
            testId={`${testId}-to`}
          />
          <TextInput
            label="From"
            value={integration.from}
            onChange={(from) => onChange({ ...integration, from })}
            issues={issues}
            path={`${path}.from`}
            testId={`${testId}-from`}
          />
          <TextInput
            label="Smarthost"
            value={integration.smarthost}
            onChange={(smarthost) => onChange({ ...integration, smarthost })}
            issues={issues}
            path={`${path}.smarthost`}
            testId={`${testId}-smarthost`}
            placeholder="smtp.example.com:587"
          />
          <TextInput
            label="Auth username"
            value={integration.authUsername ?? ""}
            onChange={(text) => onChange(withOptional(integration, "authUsername", optionalText(text)))}
            issues={issues}
            path={`${path}.authUsername`}
            testId={`${testId}-auth-username`}
          />
          {integration.authPassword ? (
            <SecretRefField
              label="Auth password"
              secret={integration.authPassword}
              onChange={(authPassword) => onChange({ ...integration, authPassword })}
              issues={issues}
              path={`${path}.authPassword`}
              testId={`${testId}-auth-password`}
            />
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                onChange({
                  ...integration,
                  authPassword: { secret: secretVariable(receiverName, "smtp_password") },
                })
              }
            >
              Add an auth password
            </button>
          )}
          <CheckField
            label="Require TLS"
            checked={integration.requireTls}
            onChange={(requireTls) => onChange({ ...integration, requireTls })}
            testId={`${testId}-require-tls`}
          />
          {sendResolved}
        </div>
      );
    case "pagerduty":
      return (
        <div className="alerts-field-row">
          <SecretRefField
            label="Routing key"
            secret={integration.routingKey}
            onChange={(routingKey) => onChange({ ...integration, routingKey })}
            issues={issues}
            path={`${path}.routingKey`}
            testId={`${testId}-routing-key`}
          />
          {sendResolved}
        </div>
      );
    case "webhook":
      return (
        <WebhookFields {...{ integration, onChange, issues, path, testId, receiverName, sendResolved }} />
      );
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

function WebhookFields({
  integration,
  onChange,
  issues,
  path,
  testId,
  receiverName,
  sendResolved,
}: Omit<IntegrationFormProps, "integration"> & {
  integration: Extract<Integration, { type: "webhook" }>;
  sendResolved: ReactNode;
}): ReactNode {
  const { authorization, basicAuth } = integration;
  return (
    <div className="alerts-field-row">
      <TextInput
        label="Webhook URL"
        value={integration.url}
        onChange={(url) => onChange({ ...integration, url })}
        issues={issues}
        path={`${path}.url`}
        testId={`${testId}-url`}
        wide
      />
      <TextInput
        label="Max alerts"
        type="number"
        value={String(integration.maxAlerts)}
        onChange={(text) => onChange({ ...integration, maxAlerts: text === "" ? 0 : Number(text) })}
        issues={issues}
        path={`${path}.maxAlerts`}
        testId={`${testId}-max-alerts`}
        hint="0 sends every alert of the group."
      />
      {authorization ? (
        <>
          <TextInput
            label="Authorization scheme"
            value={authorization.scheme}
            onChange={(scheme) => onChange({ ...integration, authorization: { ...authorization, scheme } })}
            issues={issues}
            path={`${path}.authorization.scheme`}
            testId={`${testId}-auth-scheme`}
          />
          <SecretRefField
            label="Authorization credentials"
            secret={authorization.credentials}
            onChange={(credentials) =>
              onChange({ ...integration, authorization: { ...authorization, credentials } })
            }
            issues={issues}
            path={`${path}.authorization.credentials`}
            testId={`${testId}-auth-credentials`}
          />
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange(withOptional(integration, "authorization", undefined))}
          >
            Remove the authorization header
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            onChange({
              ...integration,
              authorization: {
                scheme: "Bearer",
                credentials: { secret: secretVariable(receiverName, "webhook_token") },
              },
            })
          }
        >
          Add an authorization header
        </button>
      )}
      {basicAuth ? (
        <>
          <TextInput
            label="Basic auth username"
            value={basicAuth.username}
            onChange={(username) => onChange({ ...integration, basicAuth: { ...basicAuth, username } })}
            issues={issues}
            path={`${path}.basicAuth.username`}
            testId={`${testId}-basic-username`}
          />
          <SecretRefField
            label="Basic auth password"
            secret={basicAuth.password}
            onChange={(password) => onChange({ ...integration, basicAuth: { ...basicAuth, password } })}
            issues={issues}
            path={`${path}.basicAuth.password`}
            testId={`${testId}-basic-password`}
          />
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange(withOptional(integration, "basicAuth", undefined))}
          >
            Remove basic auth
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            onChange({
              ...integration,
              basicAuth: {
                username: "alertmanager",
                password: { secret: secretVariable(receiverName, "webhook_password") },
              },
            })
          }
        >
          Add basic auth
        </button>
      )}
      {sendResolved}
    </div>
  );
}
