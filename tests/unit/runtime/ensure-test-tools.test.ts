// `npm test` on a fresh machine installs Debian's Chromium and nginx when it may
// (root with apt-get) and otherwise stops at once with the exact command. Driven through the real
// script, with a stand-in for apt-get that records what it was asked and installs (or not) the
// stand-in programs.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

const SCRIPT = path.resolve("tests/setup/ensure-test-tools.sh");
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "lp-chromium-"));
  chmodSync(dir, 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in apt-get: logs its arguments; `install` creates the browser when told to. */
function fakeAptGet(options: { installs: boolean }): { path: string; calls: () => string[] } {
  const log = path.join(dir, "apt.log");
  const script = path.join(dir, "apt-get");
  const programs = ["chromium", "nginx"].map((name) => path.join(dir, name)).join(" ");
  writeFileSync(
    script,
    `#!/usr/bin/env bash\necho "$*" >> ${log}\nif [[ $1 == install && ${options.installs} == true ]]; then for program in ${programs}; do printf '#!/bin/sh\\n' > $program; chmod +x $program; done; fi\n`,
  );
  chmodSync(script, 0o755);
  return { path: script, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []) };
}

/** Runs the script as root (directly, or mapped to root in a user namespace) or as nobody. */
function run(as: "root" | "nobody", env: Record<string, string>) {
  const command =
    as === "root"
      ? isRoot
        ? ["bash", SCRIPT]
        : ["unshare", "--map-root-user", "bash", SCRIPT]
      : isRoot
        ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "bash", SCRIPT]
        : ["bash", SCRIPT];
  const result = spawnSync(command[0]!, command.slice(1), {
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      CHROMIUM_PATH: path.join(dir, "chromium"),
      NGINX_PATH: path.join(dir, "nginx"),
      ...env,
    },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tests/setup/ensure-test-tools.sh", () => {
  const present = (name: string) => {
    const program = path.join(dir, name);
    writeFileSync(program, "#!/bin/sh\n");
    chmodSync(program, 0o755);
  };

  test("with Chromium and nginx present it does nothing", () => {
    const apt = fakeAptGet({ installs: true });
    present("chromium");
    present("nginx");
    const result = run("root", { APT_GET: apt.path });
    expect(result).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(apt.calls()).toEqual([]);
  });

  test("missing, as root: installs Debian's packages and goes on", () => {
    const apt = fakeAptGet({ installs: true });
    const result = run("root", { APT_GET: apt.path });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("missing: installing Debian's chromium fonts-dejavu-core nginx-light");
    expect(apt.calls()).toEqual(["update", "install -y --no-install-recommends chromium fonts-dejavu-core nginx-light"]);
  });

  test("only what is missing is installed", () => {
    const apt = fakeAptGet({ installs: true });
    present("chromium");
    expect(run("root", { APT_GET: apt.path }).status).toBe(0);
    expect(apt.calls()).toEqual(["update", "install -y --no-install-recommends nginx-light"]);
  });

  test("missing, as root, and the package does not provide it: stops with a reason", () => {
    const apt = fakeAptGet({ installs: false });
    const result = run("root", { APT_GET: apt.path });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is still missing");
  });

  test("missing, as another user: stops at once with the exact command, installs nothing", () => {
    const apt = fakeAptGet({ installs: true });
    const result = run("nobody", { APT_GET: apt.path });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core nginx-light",
    );
    expect(apt.calls()).toEqual([]);
  });
});
