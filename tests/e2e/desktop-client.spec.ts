// The desktop side of the manual end to end: the admin assigns a node-locked desktop
// license in the grid (R16) → the license email carries the activation key (R21) → the desktop
// application — the reference client (clients/desktop), run as a child process against the
// same app — signs in and activates (R22, R3) → the device appears under the group's user list
// (R4) → a second machine is refused, naming the first (R3) → deactivate there (R4) → the second
// machine succeeds. Then a floating desktop license: activate, take / extend / release a seat (R5).
// The spec restores the demo data it changes: Emma Smit's node-locked license goes to a new
// identity for the run and back to her at the end.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, chooseCompany, DEMO_PASSWORD, DUTCH_COMPANY, signIn } from "./support/demo";
import { saveAndConfirm } from "./support/grid";
import { addToDemoCompanies, registerIdentity, uniqueEmail } from "./support/identity";
import { mailCaptureUrl, newestSmtpMail } from "./support/mail";

const GROUP = "Licentiegroep 1";
const LAYOUT = "PROFIS Layout Office";
const DETECTION = "PROFIS Detection Office";
const DETECTION_FLOATING = `${DETECTION} Multi-user (floating)`;
// The demo's three node-locked Layout Office licenses of one term are one column (decision 020).
const NODE_LOCKED_COLUMN = `${LAYOUT} Node-locked`;
const ACTIVATION_KEY = /[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){4}/;

type ClientRun = { code: number; stdout: string; stderr: string };

/** Runs `npm run client -- …` (without npm, for a clean stdout) with the run's state directory. */
async function runClient(stateDirectory: string, args: string[]): Promise<ClientRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "clients/desktop/cli.ts", ...args], {
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
        LICENSE_PORTAL_CLIENT_STATE_DIR: stateDirectory,
        PORTAL_PASSWORD: DEMO_PASSWORD,
      },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : -1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? String(error),
    };
  }
}

/**
 * The server URL the client is given: the app signs with its APP_BASE_URL as issuer, which the
 * e2e apps leave at its default, http://localhost:<port>; the client checks the issuer against it.
 */
function serverUrl(): string {
  const url = new URL(test.info().project.use.baseURL!);
  url.hostname = "localhost";
  return url.origin;
}

/**
 * R21: the activation key as the user reads it in the license email of `productName` (the newest
 * mail to the address, over SMTP; by subject in the in-app mailbox).
 */
async function activationKeyFromMail(page: Page, email: string, productName: string): Promise<string> {
  if (mailCaptureUrl()) {
    let text = "";
    await expect(async () => {
      const mail = await newestSmtpMail(email);
      expect(mail.subject).toContain(productName);
      text = mail.text;
    }).toPass({ timeout: 30_000 });
    return text.match(ACTIVATION_KEY)![0];
  }
  // The in-app mailbox: the worker delivers every few seconds; the mail's HTML shows in a frame.
  const mailRow = page.getByRole("row").filter({ hasText: email }).filter({ hasText: productName });
  await expect(async () => {
    await page.goto("/mailbox");
    await expect(mailRow).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await mailRow.getByRole("link").click();
  const key = page.frameLocator("iframe").locator("code");
  await expect(key).toHaveText(ACTIVATION_KEY);
  return (await key.textContent())!.trim();
}

const grid = (page: Page) => page.getByRole("grid");
const box = (page: Page, license: string, person: string) =>
  grid(page).getByRole("checkbox", { name: `${license} toewijzen aan ${person}`, exact: true });
const devices = (page: Page) => page.getByRole("region", { name: "Apparaten" });

async function search(page: Page, person: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Zoeken" }).fill(person);
  await expect(grid(page).getByRole("rowheader", { name: new RegExp(person) })).toBeVisible();
}

/** The node-locked Layout Office column, in which Emma Smit holds the demo's unused license. */
async function emmasColumn(page: Page): Promise<string> {
  await search(page, "Emma Smit");
  await expect(box(page, NODE_LOCKED_COLUMN, "Emma Smit")).toHaveAttribute("aria-checked", "true");
  return NODE_LOCKED_COLUMN;
}

test("R3/R4/R5/R21/R22: assign a desktop license → key by email → the client activates → one device at a time → floating seat", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const email = uniqueEmail("desktop-client");
  const person = `Desktop Client${suffix}`;
  const [firstMachine, secondMachine] = [`E2E-LT-${suffix}-A`, `E2E-WS-${suffix}-B`];
  const fingerprintOf = { [firstMachine]: `e2e-fingerprint-${suffix}-a`, [secondMachine]: `e2e-fingerprint-${suffix}-b` };
  const as = (machine: string) => ["--fingerprint", fingerprintOf[machine]!, "--hostname", machine];
  const stateDirectory = await mkdtemp(path.join(os.tmpdir(), "desktop-client-"));
  registerIdentity(email, "Desktop", `Client${suffix}`);
  addToDemoCompanies(email);

  // R16: the admin moves Emma's unused node-locked license to the new colleague; Save → Yes.
  await signIn(page, ADMIN_EMAIL);
  await chooseCompany(page, DUTCH_COMPANY, "Nederland");
  await page.goto("/software-management");
  await page.getByRole("link", { name: GROUP, exact: true }).click();
  await expect(grid(page)).toBeVisible();
  const groupPath = new URL(page.url()).pathname;
  const nodeLocked = await emmasColumn(page);
  await box(page, nodeLocked, "Emma Smit").click();
  await search(page, person);
  await box(page, nodeLocked, person).click();
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie");

  // R21: the license email carries the key; R22: the user signs in in the software, then enters it.
  const layoutKey = await activationKeyFromMail(page, email, LAYOUT);
  const signedIn = await runClient(stateDirectory, ["sign-in", "--server", serverUrl(), "--email", email, ...as(firstMachine)]);
  expect(signedIn, signedIn.stderr).toMatchObject({ code: 0 });
  expect(signedIn.stdout).toContain(`Signed in at ${serverUrl()} as ${email}`);

  const activated = await runClient(stateDirectory, ["activate", "--key", layoutKey, ...as(firstMachine)]);
  expect(activated, activated.stderr).toMatchObject({ code: 0 });
  expect(activated.stdout).toContain(`Activated: ${LAYOUT} (node-locked) on ${firstMachine}.`);
  expect(activated.stdout).toContain("License file verified");

  // R4: the device is listed under the group's user list.
  await page.goto(groupPath);
  await expect(devices(page).getByRole("row").filter({ hasText: firstMachine })).toContainText(LAYOUT);
  await expect(devices(page).getByRole("row").filter({ hasText: firstMachine })).toContainText(person);

  // R3: another machine is refused, and told which device holds the license.
  const refused = await runClient(stateDirectory, ["activate", "--key", layoutKey, ...as(secondMachine)]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`This license is already active on another device: ${firstMachine}`);
  expect(refused.stderr).toContain("[ACTIVATION_LIMIT, HTTP 409]");

  // R4: removing the key on the first machine frees it; the portal's list follows.
  const deactivated = await runClient(stateDirectory, ["deactivate", ...as(firstMachine)]);
  expect(deactivated, deactivated.stderr).toMatchObject({ code: 0 });
  await page.reload();
  await expect(devices(page).getByRole("row").filter({ hasText: firstMachine })).toHaveCount(0);
  const moved = await runClient(stateDirectory, ["activate", "--key", layoutKey, "--json", ...as(secondMachine)]);
  expect(moved, moved.stderr).toMatchObject({ code: 0 });
  const layoutLicenseId = (JSON.parse(moved.stdout) as { activation: { licenseId: string } }).activation.licenseId;
  await page.reload();
  await expect(devices(page).getByRole("row").filter({ hasText: secondMachine })).toContainText(LAYOUT);

  // The license file is checked offline; one altered on disk is refused (exit 3).
  const status = await runClient(stateDirectory, ["status", ...as(secondMachine)]);
  expect(status, status.stderr).toMatchObject({ code: 0 });
  expect(status.stdout).toMatch(new RegExp(`Activated: ${LAYOUT} \\(NODE_LOCKED\\), license ${layoutLicenseId}; license file valid until`));
  const tamperedDirectory = `${stateDirectory}-tampered`;
  await cp(stateDirectory, tamperedDirectory, { recursive: true });
  const statePath = path.join(tamperedDirectory, "state.json");
  const state = JSON.parse(await readFile(statePath, "utf8")) as { activations: { licenseFile: string }[] };
  const [header, payload, signature] = state.activations[0]!.licenseFile.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  claims.licenseValidUntil = "2099-12-31T00:00:00.000Z";
  state.activations[0]!.licenseFile = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
  await writeFile(statePath, JSON.stringify(state));
  const tampered = await runClient(tamperedDirectory, ["status", ...as(secondMachine)]);
  expect(tampered.code).toBe(3);
  expect(tampered.stdout).toContain("REFUSED");
  expect(tampered.stdout).toContain("signature does not match");
  await rm(tamperedDirectory, { recursive: true, force: true });

  // R5: the admin assigns the floating Detection Office license too; it is activated once on the
  // machine, then a seat is taken per use, extended while in use and released at the end.
  await page.goto(groupPath);
  await search(page, person);
  await box(page, DETECTION_FLOATING, person).click();
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie");
  const detectionKey = await activationKeyFromMail(page, email, DETECTION);
  const floating = await runClient(stateDirectory, ["activate", "--key", detectionKey, "--json", ...as(secondMachine)]);
  expect(floating, floating.stderr).toMatchObject({ code: 0 });
  const detectionLicenseId = (JSON.parse(floating.stdout) as { activation: { licenseId: string } }).activation.licenseId;
  const taken = await runClient(stateDirectory, ["lease", "take", "--license", detectionLicenseId, ...as(secondMachine)]);
  expect(taken, taken.stderr).toMatchObject({ code: 0 });
  expect(taken.stdout).toMatch(/^Seat taken until \S+ \(lease [0-9a-f-]{36}\); receipt verified\./);
  const extended = await runClient(stateDirectory, ["lease", "heartbeat", ...as(secondMachine)]);
  expect(extended, extended.stderr).toMatchObject({ code: 0 });
  expect(extended.stdout).toMatch(/^Seat extended until /);
  const released = await runClient(stateDirectory, ["lease", "release", ...as(secondMachine)]);
  expect(released, released.stderr).toMatchObject({ code: 0 });
  expect(released.stdout).toMatch(/^Seat released/);
  // Without an activation of this machine there is no seat for it (R5).
  const unactivated = await runClient(stateDirectory, ["lease", "take", "--license", detectionLicenseId, ...as(firstMachine)]);
  expect(unactivated.code).toBe(1);
  expect(unactivated.stderr).toContain("[NOT_ACTIVATED, HTTP 403]");

  // Clean up: both activations off the machine, sign out, and the licenses back to Emma.
  for (const license of [detectionLicenseId, layoutLicenseId]) {
    const removed = await runClient(stateDirectory, ["deactivate", "--license", license, ...as(secondMachine)]);
    expect(removed, removed.stderr).toMatchObject({ code: 0 });
  }
  const signedOut = await runClient(stateDirectory, ["sign-out", ...as(secondMachine)]);
  expect(signedOut, signedOut.stderr).toMatchObject({ code: 0 });
  await rm(stateDirectory, { recursive: true, force: true });
  await page.goto(groupPath);
  await search(page, person);
  await box(page, nodeLocked, person).click();
  await box(page, DETECTION_FLOATING, person).click();
  await search(page, "Emma Smit");
  await box(page, nodeLocked, "Emma Smit").click();
  await saveAndConfirm(page, "1 nieuwe toegewezen licentie");
});
