import { SHARE_TOKEN_HEADER } from "./share-links-schemas";

// The share page's token: every API call of the page carries it (SHARE_TOKEN_HEADER), so the
// reused panels and lists need not know they are on a share page. Set by the share page before
// its children render; the page links to no other page of the app, so it never outlives it.
let pageShareToken: string | undefined;

/** Called by the share page (components/share) with its link's token, while it renders. */
export function setShareTokenForRequests(token: string | undefined): void {
  pageShareToken = token;
}

/** What the API client adds to every call: the share header while a share page is open. */
export function shareRequestHeaders(): Record<string, string> {
  return pageShareToken === undefined ? {} : { [SHARE_TOKEN_HEADER]: pageShareToken };
}
