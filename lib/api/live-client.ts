import { z } from "zod";
import { type LiveRulesResponse, LiveRulesResponseSchema } from "../alerting/live/rules";
import {
  type AcknowledgeBody,
  type Acknowledged,
  AcknowledgedSchema,
  type AlertFilter,
  type LiveAlert,
  type LiveAlertGroup,
  LiveAlertsResponseSchema,
  LiveGroupsResponseSchema,
  LiveSilencesResponseSchema,
  type Silence,
  type Unacknowledged,
  UnacknowledgedSchema,
} from "../alerting/live/schemas";
import { requestExchange } from "./client";

/** The browser's calls to the live alerts API (the project's Alertmanager, through the server). */

function liveUrl(projectId: string, path: string, filter: AlertFilter = {}): string {
  const search = new URLSearchParams();
  if (filter.receiver) search.set("receiver", filter.receiver);
  if (filter.state) search.set("state", filter.state);
  const query = search.toString();
  return `/api/projects/${encodeURIComponent(projectId)}/live/${path}${query ? `?${query}` : ""}`;
}

/** GET …/live/alerts?receiver=&state= */
export async function listLiveAlerts(projectId: string, filter: AlertFilter): Promise<LiveAlert[]> {
  return (await requestExchange(LiveAlertsResponseSchema, "GET", liveUrl(projectId, "alerts", filter))).data
    .alerts;
}

/** GET …/live/groups?receiver=&state= */
export async function listLiveGroups(projectId: string, filter: AlertFilter): Promise<LiveAlertGroup[]> {
  return (await requestExchange(LiveGroupsResponseSchema, "GET", liveUrl(projectId, "groups", filter))).data
    .groups;
}

/** GET …/live/silences */
export async function listLiveSilences(projectId: string): Promise<Silence[]> {
  return (await requestExchange(LiveSilencesResponseSchema, "GET", liveUrl(projectId, "silences"))).data
    .silences;
}

/** GET …/live/rules */
export async function listLiveRules(projectId: string): Promise<LiveRulesResponse> {
  return (await requestExchange(LiveRulesResponseSchema, "GET", liveUrl(projectId, "rules"))).data;
}

/** POST …/live/alerts/{fingerprint}/acknowledge */
export async function acknowledgeLiveAlert(
  projectId: string,
  fingerprint: string,
  body: AcknowledgeBody,
): Promise<Acknowledged> {
  const url = liveUrl(projectId, `alerts/${encodeURIComponent(fingerprint)}/acknowledge`);
  return (await requestExchange(AcknowledgedSchema, "POST", url, { body })).data;
}

/** POST …/live/alerts/{fingerprint}/resolve: un-acknowledge. */
export async function unacknowledgeLiveAlert(
  projectId: string,
  fingerprint: string,
): Promise<Unacknowledged> {
  const url = liveUrl(projectId, `alerts/${encodeURIComponent(fingerprint)}/resolve`);
  return (await requestExchange(UnacknowledgedSchema, "POST", url)).data;
}

/** DELETE …/live/silences/{silenceId} */
export async function expireLiveSilence(projectId: string, silenceId: string): Promise<Unacknowledged> {
  const url = liveUrl(projectId, `silences/${encodeURIComponent(silenceId)}`);
  return (await requestExchange(z.object({ expired: z.array(z.string()) }), "DELETE", url)).data;
}
