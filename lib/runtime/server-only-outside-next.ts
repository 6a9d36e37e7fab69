// Command-line entry points (tsx) run domain code outside Next.js, where the real `server-only`
// package would throw because the "react-server" export condition is absent. tsconfig.scripts.json
// maps `server-only` here for them; inside Next.js the real package still guards the client bundle.
export {};
