import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [".next/**", "node_modules/**", "data/**", "playwright-report/**", "test-results/**", "blob-report/**", "next-env.d.ts"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // eslint-plugin-import reads our own modules for import/no-cycle; packages stay unread.
    settings: { "import/ignore": ["node_modules"] },
  },
  {
    // React lives in app/ and components/ only. Elsewhere a `use…` name is an ordinary function
    // (useDb, useTestDatabase), which the hooks rule would mistake for a React hook.
    files: ["lib/**", "clients/**", "prisma/**", "tests/**", "bench/**", "*.config.*"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The layers (docs/ARCHITECTURE.md): app → components → lib, emails beside them. Imports go
    // one way only, and nothing imports in a circle.
    files: ["app/**", "components/**", "lib/**", "emails/**", "clients/**"],
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./components",
              from: "./app",
              message:
                "components/ is UI without routes: pass the action in as a prop, or move the file next to its route (app/<route>/_components/).",
            },
            {
              target: "./lib",
              from: ["./app", "./components", "./clients"],
              message: "lib/ is the domain: it knows nothing of pages, UI or the clients.",
            },
            { target: ["./app", "./components"], from: "./clients", message: "clients/ are programs of their own." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*"], message: "lib/ is the domain: requests, cookies and caches belong to app/." }] },
      ],
    },
  },
  {
    // The desktop client is a program of its own: it knows the portal only by its API contract.
    files: ["clients/desktop/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/(?!clients/desktop/|lib/licensing-api/contract$|lib/signing/token-types$)",
              message:
                "The desktop client imports only the API contract (lib/licensing-api/contract.ts) and the token types (lib/signing/token-types.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["emails/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*", "@/app/*", "@/components/*"],
              allowTypeImports: true,
              message: "Email templates render what they are given: types from lib/ only.",
            },
          ],
        },
      ],
    },
  },
  {
    // Pages, layouts, routes and actions reach the database through lib/, never Prisma itself.
    files: ["app/**", "components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db/client", message: "Read and write through a function in lib/." }],
          patterns: [
            { group: ["@prisma/client", "@prisma/*"], allowTypeImports: true, message: "Prisma's types only: data comes through lib/." },
          ],
        },
      ],
    },
  },
];

export default config;
