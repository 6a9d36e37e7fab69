import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/assignments/change-set-limits";

// next-intl without locale-prefixed routes: the locale comes from the NEXT_LOCALE cookie,
// read in i18n/request.ts (see lib/i18n/locales.ts).
const withNextIntl = createNextIntlPlugin("./app/i18n-request.ts");

// Headers for every response. The pages' Content-Security-Policy carries a per-request nonce and
// is set in proxy.ts; routes the proxy skips (API, static files) get this strict one instead.
const commonSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Room for the largest grid save the schema accepts (lib/assignments/change-set-limits.ts): at
  // Next's 1 MB default, ~9,000 changes were refused with a 500 before the action could answer.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  // Native or file-reading packages that must be loaded by Node, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
    "@node-rs/argon2",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: commonSecurityHeaders },
      ...["/api/:path*", "/_next/:path*"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
