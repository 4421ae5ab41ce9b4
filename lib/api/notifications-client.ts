import {
  type DeliveryList,
  DeliveryListSchema,
  type PreviewBody,
  type PreviewResponse,
  PreviewResponseSchema,
  type TestSendBody,
  type TestSendResponse,
  TestSendResponseSchema,
} from "../alerting/notify/api-schemas";
import { requestExchange } from "./client";

export type {
  Delivery,
  PreviewResponse,
  RenderedMessage,
  TestSendResponse,
} from "../alerting/notify/api-schemas";

/** The browser's side of a receiver's notifications: preview, test send and delivery log. */

const receiverUrl = (projectId: string, receiver: string, what: string): string =>
  `/api/projects/${encodeURIComponent(projectId)}/receivers/${encodeURIComponent(receiver)}/${what}`;

/** POST /api/projects/{id}/receivers/{name}/preview */
export async function previewNotifications(
  projectId: string,
  receiver: string,
  body: Partial<PreviewBody>,
  signal?: AbortSignal,
): Promise<PreviewResponse> {
  return (
    await requestExchange(PreviewResponseSchema, "POST", receiverUrl(projectId, receiver, "preview"), {
      body,
      signal,
    })
  ).data;
}

/** POST /api/projects/{id}/receivers/{name}/test */
export async function sendTestNotification(
  projectId: string,
  receiver: string,
  body: Partial<TestSendBody>,
): Promise<TestSendResponse> {
  return (
    await requestExchange(TestSendResponseSchema, "POST", receiverUrl(projectId, receiver, "test"), { body })
  ).data;
}

/** GET /api/projects/{id}/receivers/{name}/deliveries */
export async function listDeliveries(
  projectId: string,
  receiver: string,
  signal?: AbortSignal,
): Promise<DeliveryList> {
  return (
    await requestExchange(DeliveryListSchema, "GET", receiverUrl(projectId, receiver, "deliveries"), {
      signal,
    })
  ).data;
}
