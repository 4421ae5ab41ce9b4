import type { ReactNode } from "react";
import type { EmailMessage, PagerdutyMessage, SlackMessage } from "@/lib/alerting/notify/payloads";
import type { RenderedMessage } from "@/lib/api/notifications-client";
import { SlackMessageView } from "./slack-message";

function EmailView({ message }: { message: EmailMessage }): ReactNode {
  return (
    <div className="email-preview" data-testid="email-preview">
      <dl className="email-headers">
        <dt>Subject</dt>
        <dd data-testid="email-subject">{message.headers.Subject}</dd>
        <dt>From</dt>
        <dd>{message.headers.From}</dd>
        <dt>To</dt>
        <dd>{message.headers.To}</dd>
      </dl>
      {message.html !== undefined ? (
        // An empty sandbox: no scripts, no forms, no same-origin access; links open nothing here.
        <iframe
          title={`E-mail: ${message.headers.Subject ?? ""}`}
          sandbox=""
          srcDoc={message.html}
          className="email-frame"
        />
      ) : null}
      {message.text ? <pre className="email-text">{message.text}</pre> : null}
    </div>
  );
}

function PagerdutyView({ message }: { message: PagerdutyMessage }): ReactNode {
  return (
    <div className="pagerduty-preview" data-testid="pagerduty-preview">
      <p>
        <strong>{message.event_action === "resolve" ? "Resolve" : "Trigger"}</strong> (
        {message.payload.severity}): <span data-testid="pagerduty-summary">{message.payload.summary}</span>
      </p>
      <dl className="pagerduty-details">
        {Object.entries(message.payload.custom_details ?? {}).map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>
              <pre>{value}</pre>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One integration's rendered message, or the template errors that would drop it. */
export function RenderedMessageView({ message }: { message: RenderedMessage }): ReactNode {
  if (message.errors.length > 0)
    return (
      <ul className="notice notice-error" data-testid="template-errors">
        {message.errors.map((e) => (
          <li key={e.field}>
            <code>{e.field}</code> {e.error}
          </li>
        ))}
      </ul>
    );
  if (!message.sends)
    return <p className="muted">Not sent: this integration does not send resolved notifications.</p>;
  switch (message.kind) {
    case "slack":
      return <SlackMessageView message={message.payload as SlackMessage} />;
    case "email":
      return <EmailView message={message.payload as EmailMessage} />;
    case "pagerduty":
      return <PagerdutyView message={message.payload as PagerdutyMessage} />;
    case "webhook":
      return (
        <pre className="webhook-preview" data-testid="webhook-preview">
          {JSON.stringify(message.payload, null, 2)}
        </pre>
      );
    default: {
      const exhaustive: never = message.kind;
      return String(exhaustive);
    }
  }
}
