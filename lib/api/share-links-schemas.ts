import { z } from "zod";

/**
 * The HTTP contract of a project's read-only share links (`/api/projects/{id}/share-links[/{linkId}]`):
 * the link's URL (which holds its token) is answered once, when it is made; lists never carry it.
 * Shared by the route handlers and the browser client.
 */

/** The request header the share page's API calls carry the link's token in (lib/server/context.ts). */
export const SHARE_TOKEN_HEADER = "x-obsforge-share";

/** A token: 43 base64url characters (256 random bits). Anything else is no token. */
export const ShareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a share link token");

export const ShareLinkIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not a share link id");

export const CreateShareLinkBodySchema = z.object({
  /** Who it is for, e.g. "Payments on-call", so owners can tell links apart. */
  label: z
    .string()
    .trim()
    .max(200, "a label is at most 200 characters")
    .optional()
    .transform((label) => (label ? label : undefined)),
  /** Days until it stops working by itself; without it, it works until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateShareLinkBody = z.input<typeof CreateShareLinkBodySchema>;

export const ShareLinkSchema = z.object({
  id: ShareLinkIdSchema,
  label: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Not revoked and not expired. */
  active: z.boolean(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export const ShareLinkListSchema = z.object({ links: z.array(ShareLinkSchema) });
export type ShareLinkList = z.infer<typeof ShareLinkListSchema>;

/** What creating a link answers: the link and, this once, its path (`/share/<token>`). */
export const CreatedShareLinkSchema = z.object({ link: ShareLinkSchema, path: z.string() });
export type CreatedShareLink = z.infer<typeof CreatedShareLinkSchema>;
