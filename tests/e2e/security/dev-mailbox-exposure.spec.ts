// The dev mailbox (docs/SECURITY.md, decision 015): the in-app mailbox holds every one-time link
// (verification, reset, invitation). It must answer only to the machine itself — by the socket's
// address, which a client cannot choose, not by a header — and `npm start` must listen on loopback
// unless told otherwise. (That SEED_DEMO is refused in production on a server database is checked
// at start: tests/integration/runtime/launcher.test.ts.)
import { expect, test } from "@playwright/test";
import { machineAddress } from "../support/direct-next-start";

test("`npm start` listens on loopback only: the machine's own network address gets no answer", async () => {
  // The project's app was started by `npm start` without HOSTNAME (playwright.config.ts).
  const port = new URL(test.info().project.use.baseURL!).port;
  expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
  const fromOutside = await fetch(`http://${machineAddress()}:${port}/api/v1/health`).then(
    (response) => `answered ${response.status}`,
    () => "refused",
  );
  expect(fromOutside).toBe("refused");
});
