/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The CLI and the app share lib/; these stay Node packages, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
};

export default nextConfig;
