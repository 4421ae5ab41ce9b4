import "server-only";
import { env } from "../../env";
import { resolvePreviewTarget } from "../../preview/allowlist";
import { rules as prometheusRules } from "../../prometheus/client";
import { PreviewError } from "../../prometheus/errors";
import type { ServiceContext } from "../../server/context";
import { recordAudit } from "../../server/services/audit";
import { getProject } from "../../server/services/projects";
import {
  acknowledgeAlert,
  expireSilence,
  getAlert,
  listAlertGroups,
  listAlerts,
  listSilences,
  unacknowledgeAlert,
} from "./client";
import { filterAlerts, filterGroups } from "./filter";
import { type LiveRulesResponse, mergeLiveRules } from "./rules";
import type {
  AcknowledgeBody,
  Acknowledged,
  AlertFilter,
  LiveAlert,
  LiveAlertGroup,
  Silence,
  Unacknowledged,
} from "./schemas";
import { liveAlertmanagerUrl } from "./target";

/** The live API's use cases: each reads the project, then calls only the Alertmanager it names. */

async function alertmanagerOf(context: ServiceContext, id: string): Promise<string> {
  return liveAlertmanagerUrl((await getProject(context, id)).project);
}

export async function liveAlerts(
  context: ServiceContext,
  id: string,
  filter: AlertFilter,
  signal?: AbortSignal,
): Promise<LiveAlert[]> {
  return filterAlerts(await listAlerts(await alertmanagerOf(context, id), { signal }), filter);
}

export async function liveAlert(
  context: ServiceContext,
  id: string,
  fingerprint: string,
  signal?: AbortSignal,
): Promise<LiveAlert> {
  return getAlert(await alertmanagerOf(context, id), fingerprint, { signal });
}

export async function liveGroups(
  context: ServiceContext,
  id: string,
  filter: AlertFilter,
  signal?: AbortSignal,
): Promise<LiveAlertGroup[]> {
  return filterGroups(await listAlertGroups(await alertmanagerOf(context, id), { signal }), filter);
}

export async function liveSilences(
  context: ServiceContext,
  id: string,
  signal?: AbortSignal,
): Promise<Silence[]> {
  return listSilences(await alertmanagerOf(context, id), { signal });
}

export async function acknowledge(
  context: ServiceContext,
  id: string,
  fingerprint: string,
  body: AcknowledgeBody,
): Promise<Acknowledged> {
  const acknowledged = await acknowledgeAlert(
    await alertmanagerOf(context, id),
    fingerprint,
    body,
    new Date(),
  );
  await recordAudit(context, {
    action: "silence.create",
    target: acknowledged.silenceId,
    projectId: id,
    detail: { alert: fingerprint, until: acknowledged.endsAt, comment: body.comment },
  });
  return acknowledged;
}

export async function unacknowledge(
  context: ServiceContext,
  id: string,
  fingerprint: string,
): Promise<Unacknowledged> {
  const unacknowledged = await unacknowledgeAlert(await alertmanagerOf(context, id), fingerprint);
  for (const silenceId of unacknowledged.expired)
    await recordAudit(context, {
      action: "silence.expire",
      target: silenceId,
      projectId: id,
      detail: { alert: fingerprint },
    });
  return unacknowledged;
}

export async function expire(context: ServiceContext, id: string, silenceId: string): Promise<void> {
  await expireSilence(await alertmanagerOf(context, id), silenceId);
  await recordAudit(context, { action: "silence.expire", target: silenceId, projectId: id });
}

/** The project's alerting rules with the state its Prometheus reports; the rules alone when it cannot be reached. */
export async function liveRules(
  context: ServiceContext,
  id: string,
  signal?: AbortSignal,
): Promise<LiveRulesResponse> {
  const { project } = await getProject(context, id);
  try {
    const target = resolvePreviewTarget(project, undefined, env());
    const answer = await prometheusRules(target.baseUrl, { type: "alert" }, { signal });
    return { rules: mergeLiveRules(project, answer.data) };
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error;
    return { rules: mergeLiveRules(project, undefined), prometheusError: error.message };
  }
}
