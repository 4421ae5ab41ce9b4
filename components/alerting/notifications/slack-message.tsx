import type { ReactNode } from "react";
import type { SlackAttachment, SlackMessage } from "@/lib/alerting/notify/payloads";
import { slackColor, slackEmoji, slackParts } from "./slack-markup";

function Mrkdwn({ text }: { text: string }): ReactNode {
  return text.split("\n").map((line, row) => (
    // Lines have no identity but their position; the message does not reorder them.
    // biome-ignore lint/suspicious/noArrayIndexKey: lines of one rendered text
    <span key={row} className="slack-line">
      {slackParts(slackEmoji(line)).map((part, index) => {
        const key = `${row}-${index}`;
        if (part.kind === "bold") return <strong key={key}>{part.text}</strong>;
        if (part.kind === "link")
          return (
            <a key={key} href={part.href} target="_blank" rel="noreferrer noopener">
              {part.text}
            </a>
          );
        return <span key={key}>{part.text}</span>;
      })}
    </span>
  ));
}

function Attachment({ attachment }: { attachment: SlackAttachment }): ReactNode {
  const title = slackEmoji(attachment.title ?? "");
  const link =
    attachment.title_link && /^https?:\/\//i.test(attachment.title_link) ? attachment.title_link : undefined;
  return (
    <div
      className="slack-attachment"
      style={{ borderLeftColor: slackColor(attachment.color) }}
      data-testid="slack-attachment"
    >
      {attachment.pretext ? <div className="slack-pretext">{attachment.pretext}</div> : null}
      {title ? (
        <div className="slack-title" data-testid="slack-title">
          {link ? (
            <a href={link} target="_blank" rel="noreferrer noopener">
              {title}
            </a>
          ) : (
            title
          )}
        </div>
      ) : null}
      <div className="slack-text" data-testid="slack-text">
        <Mrkdwn text={attachment.text} />
      </div>
      {attachment.fields && attachment.fields.length > 0 ? (
        <dl className="slack-fields">
          {attachment.fields.map((field, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fields are in configuration order
            <div key={index} className={field.short ? "slack-field short" : "slack-field"}>
              <dt>{field.title}</dt>
              <dd>
                <Mrkdwn text={field.value} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {attachment.footer ? <div className="slack-footer">{attachment.footer}</div> : null}
    </div>
  );
}

/** A Slack message as Slack shows it: sender, channel, the attachment's colour bar, title, text, fields. */
export function SlackMessageView({ message }: { message: SlackMessage }): ReactNode {
  return (
    <div className="slack-message" data-testid="slack-message">
      <div className="slack-header">
        <span className="slack-sender">{message.username || "Alertmanager"}</span>
        <span className="slack-channel">{message.channel}</span>
      </div>
      {message.attachments.map((attachment, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: Alertmanager sends one attachment
        <Attachment key={index} attachment={attachment} />
      ))}
    </div>
  );
}
