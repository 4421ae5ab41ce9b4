import { requestExchange } from "./client";
import {
  type CreatedShareLink,
  CreatedShareLinkSchema,
  type CreateShareLinkBody,
  type ShareLink,
  type ShareLinkList,
  ShareLinkListSchema,
  ShareLinkSchema,
} from "./share-links-schemas";

/** The browser's calls for a project's read-only share links (owners only). */

function shareLinksUrl(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/share-links`;
}

/** GET /api/projects/{id}/share-links: the links, revoked ones too; never a token. */
export async function listShareLinks(projectId: string): Promise<ShareLinkList> {
  return (await requestExchange(ShareLinkListSchema, "GET", shareLinksUrl(projectId))).data;
}

/** POST /api/projects/{id}/share-links: a new link and, this once, its path. */
export async function createShareLink(
  projectId: string,
  body: CreateShareLinkBody,
): Promise<CreatedShareLink> {
  return (await requestExchange(CreatedShareLinkSchema, "POST", shareLinksUrl(projectId), { body })).data;
}

/** DELETE /api/projects/{id}/share-links/{linkId}: revokes it at once. */
export async function revokeShareLink(projectId: string, linkId: string): Promise<ShareLink> {
  const url = `${shareLinksUrl(projectId)}/${encodeURIComponent(linkId)}`;
  return (await requestExchange(ShareLinkSchema, "DELETE", url)).data;
}
