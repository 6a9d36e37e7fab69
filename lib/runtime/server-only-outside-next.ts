// `server-only` for command-line entry points (tsx), where the real one throws; mapped by tsconfig.scripts.json.
export {};
