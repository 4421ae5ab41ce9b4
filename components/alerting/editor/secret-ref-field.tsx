"use client";

import type { ReactNode } from "react";
import type { AlertingSecret } from "@/lib/model/alertmanager";
import type { ModelIssue } from "@/lib/model/issues";
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
 * A receiver's secret as the model holds it: the environment variable the bundle reads it from.
 * The value itself is never on this page; an imported one shows only as kept (masked).
 */
export function SecretRefField({
  label,
  secret,
  onChange,
  issues,
  path,
  testId,
}: SecretRefFieldProps): ReactNode {
  const kept =
    secret.importedValue !== undefined
      ? "imported value kept (masked)"
      : secret.importedFile !== undefined
        ? `read from ${secret.importedFile}`
        : "set on the server";
  return (
    <TextInput
      label={`${label} (environment variable)`}
      value={secret.secret}
      onChange={(name) => onChange({ ...secret, secret: name })}
      issues={issues}
      path={path}
      testId={testId}
      hint={`Secret, never shown: ${kept}.`}
    />
  );
}
