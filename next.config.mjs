const development = process.env.NODE_ENV === "development";

/**
 * The Content Security Policy of every page. Scripts, styles, workers, fonts and API calls come from
 * the app's own origin only; nothing may frame the app (clickjacking) and no plugin runs.
 * - script-src 'unsafe-inline': Next.js writes its hydration data as inline scripts; nonces would
 *   make every page dynamic. External scripts stay refused, which is what an injection needs.
 * - style-src 'unsafe-inline': Monaco and the charts set styles at run time.
 * - worker-src 'self' blob:: Monaco's editor and JSON workers are bundled files of the app
 *   (components/code-editor/monaco-setup.ts); blob: for a worker a bundler inlines.
 * - In `next dev`, React's debugging needs eval and hot reload a websocket.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${development ? " ws: wss:" : ""}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Security headers on every response (pages and API): see e2e/security-headers.spec.ts. Exported for
 * scripts/serve.mjs, which answers the live preview's calls itself.
 */
export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  poweredByHeader: false,
  // The CLI and the app share lib/; these stay Node packages, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  turbopack: {
    resolveAlias: {
      // The PromQL type checker needs one function of @codemirror/language; in the browser it gets
      // that function alone instead of CodeMirror's editor (see the stub's comment).
      "@codemirror/language": { browser: "./lib/promql/codemirror-language-stub.cjs" },
    },
  },
};

export default nextConfig;
