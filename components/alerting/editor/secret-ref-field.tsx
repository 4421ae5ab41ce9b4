"use client";

import type { ReactNode } from "react";
import { SecretField } from "@/components/alerting/secret-field";
import type { AlertingSecret } from "@/lib/model/alertmanager";
import type { ModelIssue } from "@/lib/model/issues";
import { useAlertingState } from "../store/store-provider";
import { TextInput } from "./fields";

export interface SecretRefFieldProps {
  label: string;
  secret: AlertingSecret;
  onChange: (secret: AlertingSecret) => void;
  issues: readonly ModelIssue[];
  /** Model path of the secret: `receivers[0].integrations[1].apiUrl`. */
  path: string;
  testId: string;
}

/**
 * A receiver's secret: the section keeps only the environment variable the bundle reads it from;
 * the value is entered once in the secret field (stored encrypted, saved apart from the section)
 * and never comes back to the page. An imported literal shows only as kept.
 */
export function SecretRefField({
  label,
  secret,
  onChange,
  issues,
  path,
  testId,
}: SecretRefFieldProps): ReactNode {
  const projectId = useAlertingState((state) => state.projectId);
  const imported =
    secret.importedValue !== undefined
      ? " The imported value is kept (masked) until one is set here."
      : secret.importedFile !== undefined
        ? ` Imported as read from ${secret.importedFile}.`
        : "";
  return (
    <>
      <TextInput
        label={`${label} (environment variable)`}
        value={secret.secret}
        onChange={(name) => onChange({ ...secret, secret: name })}
        issues={issues}
        path={path}
        testId={testId}
        hint={`The bundle reads it from this variable.${imported}`}
      />
      <SecretField projectId={projectId} name={secret.secret} label={label} testId={`${testId}-value`} />
    </>
  );
}
