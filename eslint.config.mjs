import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "playwright-report/**",
      "test-results/**",
      "blob-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // React lives in app/ and components/ only. Elsewhere a `use…` name is an ordinary function
    // (useDb, useTestDatabase), which the hooks rule would mistake for a React hook.
    files: ["lib/**", "prisma/**", "tests/**", "bench/**", "*.config.*"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
