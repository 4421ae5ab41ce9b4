export const dynamic = "force-dynamic";

// A plain page of its own, not a page of the app: a page's status is 200 once the root loading
// state streams, and this one must answer 404. Static text, nothing from the request.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Share link revoked or unknown · Obsforge</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}p{color:#555}</style>
</head>
<body>
<main>
<h1 data-testid="share-link-gone">This share link is revoked or does not exist</h1>
<p>Ask whoever shared it for a new link. With an account in the project's team, sign in to see the project.</p>
</main>
</body>
</html>
`;

/**
 * `/share/revoked` (SHARE_GONE_PAGE in lib/auth/page-path.ts): where the root layout sends a revoked, expired or unknown
 * share link's page before it renders, answered 404.
 */
export function GET(): Response {
  return new Response(PAGE, {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
