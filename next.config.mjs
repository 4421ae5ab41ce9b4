/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
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
