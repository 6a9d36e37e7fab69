// `npm start` as a child process for the specs that run their own instances (deployment.spec.ts,
// two-instances.spec.ts): its output, readiness, a sign-in through next-auth, and Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";

export type Launcher = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export function launch(env: Record<string, string>): Launcher {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/runtime/start.ts"], {
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForHealth(port: number, launcher: Launcher): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    // A launcher that gave up (port in use, database unreachable) fails the test at once, with its words.
    if (launcher.child.exitCode !== null) throw new Error(`launcher exited with ${launcher.child.exitCode}:\n${launcher.output()}`);
    // The launcher reports readiness (and prints the demo logins) once its health check passed.
    if (launcher.output().includes("[start] ready in")) return;
    if (Date.now() > deadline) throw new Error(`not ready on port ${port} within 120 s:\n${launcher.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; true when a session cookie is set. */
export async function signsIn(port: number, email: string, password = "Demo-Password-2026"): Promise<boolean> {
  const csrf = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return response.headers.getSetCookie().some((value) => value.includes("session-token"));
}

export async function stop(launcher: Launcher): Promise<number | null> {
  if (launcher.child.exitCode === null) launcher.child.kill("SIGINT");
  return launcher.exited;
}
