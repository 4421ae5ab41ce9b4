import type { ReactNode } from "react";
import type { AuditEntry } from "@/lib/server/services/audit";

/** Words for each action, as the log reads them. */
const ACTION_WORDS: Record<AuditEntry["action"], string> = {
  "account.sign-in": "signed in",
  "account.sign-in-failed": "failed to sign in",
  "account.sign-up": "signed up",
  "team.create": "created the team",
  "team.invite": "invited",
  "team.role-change": "changed the role of",
  "team.member-remove": "removed",
  "secret.set": "set the secret",
  "secret.clear": "cleared the secret",
  "share-link.create": "created a share link for",
  "share-link.revoke": "revoked a share link for",
  "token.create": "created the API token",
  "token.revoke": "revoked the API token",
  "project.delete": "deleted the project",
  "project.restore": "restored a version of",
  "bundle.download": "downloaded",
  "silence.create": "created the silence",
  "silence.expire": "expired the silence",
};

export interface TeamAuditProps {
  teamName: string;
  entries: readonly AuditEntry[];
}

/** A team's audit log, newest first, for its owners (app/team/page.tsx reads it; viewing writes nothing). */
export function TeamAudit({ teamName, entries }: TeamAuditProps): ReactNode {
  return (
    <section className="auth-card" aria-label={`Audit log of ${teamName}`} data-testid="team-audit">
      <h2>Audit log</h2>
      {entries.length === 0 ? (
        <p className="empty">Nothing recorded yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td>{entry.at.replace("T", " ").slice(0, 19)}</td>
                <td>
                  {entry.actorName ?? (entry.detail?.shareLink ? "a share link" : "someone signed out")}
                </td>
                <td>
                  {ACTION_WORDS[entry.action]} {entry.target}
                </td>
                <td>{entry.ipAddress ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
