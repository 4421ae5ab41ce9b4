"use client";

import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useState } from "react";
import { TEAM_ROLES, type TeamRole } from "@/lib/auth/access";
import { authClient, authErrorMessage } from "@/lib/auth/client";
import "./auth.css";

interface Member {
  id: string;
  role: string;
  user: { name: string; email: string };
}

interface Team {
  id: string;
  name: string;
  members: Member[];
  invitations: { id: string; email: string; role: string; status: string }[];
}

export interface TeamMembersProps {
  teamId: string;
  /** Whether the signed-in user owns the team (only owners invite, change roles and remove). */
  owner: boolean;
}

/** A team's members and pending invitations; owners invite by link, change roles, remove members. */
export function TeamMembers({ teamId, owner }: TeamMembersProps): ReactNode {
  const formId = useId();
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data, error: failed } = await authClient.organization.getFullOrganization({
      query: { organizationId: teamId },
    });
    if (failed) setError(authErrorMessage(failed, "The team could not be read."));
    else setTeam(data as unknown as Team);
  }, [teamId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function invite(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const role = String(data.get("role") ?? "viewer") as TeamRole;
    if (!email.includes("@")) return setError("Enter the e-mail address to invite.");
    const { data: made, error: failed } = await authClient.organization.inviteMember({
      email,
      role,
      organizationId: teamId,
    });
    if (failed) return setError(authErrorMessage(failed, "The invitation could not be made."));
    setError(null);
    setLink(`${window.location.origin}/sign-up?invitation=${made?.id ?? ""}`);
    await load();
  }

  async function changeRole(memberId: string, role: TeamRole): Promise<void> {
    const { error: failed } = await authClient.organization.updateMemberRole({
      memberId,
      role,
      organizationId: teamId,
    });
    setError(failed ? authErrorMessage(failed, "The role could not be changed.") : null);
    await load();
  }

  async function remove(memberIdOrEmail: string): Promise<void> {
    const { error: failed } = await authClient.organization.removeMember({
      memberIdOrEmail,
      organizationId: teamId,
    });
    setError(failed ? authErrorMessage(failed, "The member could not be removed.") : null);
    await load();
  }

  if (!team)
    return error ? <p className="notice notice-error">{error}</p> : <p className="muted">Loading…</p>;
  return (
    <section className="section">
      <h1>{team.name}: members</h1>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail address</th>
            <th>Role</th>
            {owner ? <th>Remove</th> : null}
          </tr>
        </thead>
        <tbody>
          {team.members.map((member) => (
            <tr key={member.id}>
              <td>{member.user.name}</td>
              <td>{member.user.email}</td>
              <td>
                {owner ? (
                  <select
                    aria-label={`Role of ${member.user.name}`}
                    value={member.role}
                    onChange={(event) => void changeRole(member.id, event.target.value as TeamRole)}
                  >
                    {TEAM_ROLES.map((role) => (
                      <option key={role}>{role}</option>
                    ))}
                  </select>
                ) : (
                  member.role
                )}
              </td>
              {owner ? (
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void remove(member.id)}
                  >
                    Remove {member.user.name}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {owner ? (
        <form className="card" onSubmit={invite} aria-labelledby={`${formId}-title`}>
          <h2 id={`${formId}-title`}>Invite a member</h2>
          <div className="field">
            <label className="field-label" htmlFor={`${formId}-email`}>
              E-mail address
            </label>
            <input id={`${formId}-email`} name="email" type="email" required />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${formId}-role`}>
              Role
            </label>
            <select id={`${formId}-role`} name="role" defaultValue="viewer">
              {TEAM_ROLES.map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary">
            Make an invitation link
          </button>
          {link ? (
            <p className="notice notice-success">
              Send this link to the invited person: <code>{link}</code>
            </p>
          ) : null}
        </form>
      ) : null}
      {team.invitations.some((one) => one.status === "pending") ? (
        <>
          <h2>Pending invitations</h2>
          <ul className="plain-list">
            {team.invitations
              .filter((one) => one.status === "pending")
              .map((one) => (
                <li key={one.id}>
                  {one.email} as {one.role}
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
