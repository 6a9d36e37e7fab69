// The account lockout could be raced (docs/SECURITY.md, "Lockout race"). 40 wrong passwords and the
// right one sent at once used to have 8 checked and the right one accepted. The limit (5 per
// account and window) is now taken before a password is checked, so however the guesses are sent at
// most 5 are evaluated; over the licensing API and over next-auth's credentials endpoint (the
// sign-in form). Evaluated guesses are counted by their audit events (auth.sign-in-failed,
// auth.signed-in).
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../support/demo";
import { registerIdentity, uniqueEmail } from "../support/identity";

const ACCOUNT_LIMIT = 5;
const WRONG_GUESSES = 40;

async function evaluatedAttempts(email: string): Promise<{ failed: number; signedIn: number }> {
  const client = new pg.Client({ connectionString: test.info().project.metadata.databaseUrl as string });
  await client.connect();
  try {
    const { rows } = await client.query<{ action: string; count: string }>(
      `SELECT e."action", count(*) AS "count" FROM "AuditEvent" e JOIN "User" u ON u."id" = e."subjectUserId"
       WHERE u."email" = $1 AND e."action" IN ('auth.sign-in-failed', 'auth.signed-in') GROUP BY e."action"`,
      [email],
    );
    const countOf = (action: string) => Number(rows.find((row) => row.action === action)?.count ?? 0);
    return { failed: countOf("auth.sign-in-failed"), signedIn: countOf("auth.signed-in") };
  } finally {
    await client.end();
  }
}

/** The 40 wrong guesses and the right password, all in flight at once; the right one last. */
function burst<T>(attempt: (password: string, index: number) => Promise<T>): Promise<T[]> {
  const passwords = [...Array.from({ length: WRONG_GUESSES }, (_, index) => `wrong guess number ${index}`), DEMO_PASSWORD];
  return Promise.all(passwords.map((password, index) => attempt(password, index)));
}

test("POST /api/v1/sessions: 40 wrong and the right password in parallel — at most 5 are checked, then the account is locked", async ({
  request,
}) => {
  const email = uniqueEmail("lockout-api");
  registerIdentity(email, "Lotte", "Slot");
  const answers = await burst(async (password) => {
    const response = await request.post("/api/v1/sessions", { data: { email, password, client: "lockout race e2e" } });
    return { status: response.status(), retryAfter: response.headers()["retry-after"] };
  });
  const statuses = answers.map((answer) => answer.status);

  const evaluated = await evaluatedAttempts(email);
  expect(
    evaluated.failed + evaluated.signedIn,
    `password checks (${JSON.stringify(evaluated)}; answers ${statuses.join(",")})`,
  ).toBeLessThanOrEqual(ACCOUNT_LIMIT);
  expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
  // Above the instance's API_MAX_IN_FLIGHT the burst is shed at once (503 with Retry-After, nothing
  // checked); enough of it must get through for the lockout itself to be raced.
  const shed = answers.filter((answer) => answer.status === 503);
  expect(
    shed.every((answer) => Number(answer.retryAfter) > 0),
    statuses.join(","),
  ).toBe(true);
  expect(statuses.length - shed.length, statuses.join(",")).toBeGreaterThan(2 * ACCOUNT_LIMIT);
  expect(
    statuses.every((status) => [201, 401, 429, 503].includes(status)),
    statuses.join(","),
  ).toBe(true);
  // The right password got in only if it was among the checked ones; afterwards the account is locked.
  if (statuses.at(-1) === 201) expect(evaluated.signedIn).toBe(1);
  expect((await request.post("/api/v1/sessions", { data: { email, password: DEMO_PASSWORD, client: "lockout race e2e" } })).status()).toBe(
    429,
  );
});

async function credentialsSignIn(request: APIRequestContext, csrfToken: string, email: string, password: string): Promise<string> {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "signed-in";
}

test("the browser's sign-in (next-auth credentials) is held to the same 5 checks when raced", async ({ request }) => {
  const email = uniqueEmail("lockout-form");
  registerIdentity(email, "Lotte", "Formulier");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answers = await burst((password) => credentialsSignIn(request, csrfToken, email, password));

  const evaluated = await evaluatedAttempts(email);
  expect(
    evaluated.failed + evaluated.signedIn,
    `password checks (${JSON.stringify(evaluated)}; answers ${answers.join(",")})`,
  ).toBeLessThanOrEqual(ACCOUNT_LIMIT);
  expect(answers.filter((answer) => answer === "CredentialsSignin").length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
  expect(await credentialsSignIn(request, csrfToken, email, DEMO_PASSWORD)).toMatch(/^RATE_LIMITED:\d+$/);
});
