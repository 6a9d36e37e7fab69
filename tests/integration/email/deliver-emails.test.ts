// R21/R27/R29: the outbox worker renders the real templates and delivers them over real SMTP.
import { expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { runInTransaction } from "@/lib/transactions/run-in-transaction";
import { useTestDatabase } from "../../setup/test-database";
import { drain, recipient, smtpWorker, useSmtpServerAndEmptyOutbox } from "./email-helpers";

useTestDatabase();

const smtp = useSmtpServerAndEmptyOutbox();

const START = new Date(Date.now() + 60_000);

test("R21: a desktop license email arrives with the download link in both parts and the activation key, under the outbox's Message-ID", async () => {
  const clock = fixedClock(START);
  const to = recipient("desktop");
  const payload = {
    firstName: "Anna",
    productName: "PROFIS Layout Office",
    companyName: "Bouwbedrijf Jansen",
    adminName: "Piet de Vries",
    downloadUrl: "http://localhost:3000/my-software/download/layout-office",
    activationKey: "LPO-7Q4M-2KXD-9WJH",
  };
  const queued = await enqueueEmail({ db: db(), template: "license-assigned-desktop", to, locale: "en", payload, clock });
  const { worker, close } = smtpWorker(smtp, clock);

  expect(await drain(worker)).toEqual({ claimed: 1, sent: 1, retry: 0, failed: 0 });
  await close();

  const mail = smtp.lastMailTo(to)!;
  expect(mail.messageId).toBe(queued.messageId);
  expect(mail.subject).toContain("PROFIS Layout Office");
  expect(mail.htmlLinks).toContain(payload.downloadUrl);
  expect(mail.textLinks).toContain(payload.downloadUrl);
  expect(mail.html).toContain(payload.activationKey);
  expect(mail.text).toContain(payload.activationKey);
  expect(mail.text).toContain("Download desktop software");
  const row = await db().emailMessage.findUniqueOrThrow({ where: { id: queued.id } });
  expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, sentAt: START });
});

test("R21/R29: a web license email in Dutch carries the 'Laten we beginnen' link to the software", async () => {
  const clock = fixedClock(START);
  const to = recipient("web");
  const startUrl = "http://localhost:3000/my-software/open/profis-engineering";
  await enqueueEmail({
    db: db(),
    template: "license-assigned-web",
    to,
    locale: "nl",
    payload: { firstName: "Bram", productName: "PROFIS Engineering", companyName: "Jansen BV", adminName: "Piet de Vries", startUrl },
    clock,
  });
  const { worker, close } = smtpWorker(smtp, clock);
  await drain(worker);
  await close();

  const mail = smtp.lastMailTo(to)!;
  expect(mail.htmlLinks).toContain(startUrl);
  expect(mail.textLinks).toContain(startUrl);
  expect(mail.text).toContain("Laten we beginnen");
});

test("the one-time link of a verification email is delivered, then blanked in the stored payload", async () => {
  const clock = fixedClock(START);
  const to = recipient("verify");
  const verifyUrl = "http://localhost:3000/verify?token=secret-one-time-token-123";
  const queued = await enqueueEmail({
    db: db(),
    template: "account-verification",
    to,
    locale: "en",
    payload: { firstName: "Cor", verifyUrl, expiresInHours: 24 },
    clock,
  });
  const before = await db().emailMessage.findUniqueOrThrow({ where: { id: queued.id } });
  expect(before.payload).toMatchObject({ verifyUrl });

  const { worker, close } = smtpWorker(smtp, clock);
  await drain(worker);
  await close();

  expect(smtp.lastMailTo(to)!.links).toContain(verifyUrl);
  const after = await db().emailMessage.findUniqueOrThrow({ where: { id: queued.id } });
  expect(after.payload).toEqual({ firstName: "Cor", verifyUrl: "", expiresInHours: 24 });
});

test("R27: an email enqueued in a transaction that rolls back is never stored, so never sent", async () => {
  const clock = fixedClock(START);
  const to = recipient("rolled-back");
  await expect(
    runInTransaction(undefined, async (transaction) => {
      await enqueueEmail({
        db: transaction,
        template: "password-reset",
        to,
        locale: "en",
        payload: { firstName: "Dirk", resetUrl: "http://localhost:3000/reset?token=x", expiresInMinutes: 30 },
        clock,
      });
      throw new Error("the business change failed");
    }),
  ).rejects.toThrow("the business change failed");
  expect(await db().emailMessage.count({ where: { toAddress: to } })).toBe(0);

  await runInTransaction(undefined, (transaction) =>
    enqueueEmail({
      db: transaction,
      template: "password-reset",
      to,
      locale: "en",
      payload: { firstName: "Dirk", resetUrl: "http://localhost:3000/reset?token=y", expiresInMinutes: 30 },
      clock,
    }),
  );
  expect(await db().emailMessage.count({ where: { toAddress: to } })).toBe(1);
});

test("an invalid address is refused with INVALID before anything is stored; a valid one is stored trimmed and lower-case with a Message-ID on the base URL's host", async () => {
  await expect(
    enqueueEmail({
      db: db(),
      template: "account-exists",
      to: "not-an-address",
      locale: "nl",
      payload: { firstName: "E", signInUrl: "http://localhost:3000/sign-in", resetUrl: "http://localhost:3000/forgot-password" },
    }),
  ).rejects.toMatchObject({ code: "INVALID" });
  expect(await db().emailMessage.count()).toBe(0);

  const queued = await enqueueEmail({
    db: db(),
    template: "account-exists",
    to: "  Mixed.Case@Mail.Example ",
    locale: "nl",
    payload: { firstName: "E", signInUrl: "http://localhost:3000/sign-in", resetUrl: "http://localhost:3000/forgot-password" },
  });
  const row = await db().emailMessage.findUniqueOrThrow({ where: { id: queued.id } });
  expect(row.toAddress).toBe("mixed.case@mail.example");
  expect(row.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
});

test("R27: an address the server rejects fails at once with the server's reason, and the rest of the batch is delivered", async () => {
  const clock = fixedClock(START);
  const rejected = recipient("unknown");
  smtp.rejectRecipient(rejected, "5.1.1 <" + rejected + ">: Recipient address rejected: User unknown");
  const others = [recipient("ok"), recipient("ok"), recipient("ok"), recipient("ok")];
  const registerUrl = "http://localhost:3000/register?invitation=secret-invitation-token";
  const invitationPayload = {
    firstName: "F",
    productNames: ["PROFIS Engineering"],
    companyName: "Jansen BV",
    adminName: "Piet de Vries",
    registerUrl,
  };
  const bad = await enqueueEmail({ db: db(), template: "invitation", to: rejected, locale: "en", payload: invitationPayload, clock });
  for (const to of others) await enqueueEmail({ db: db(), template: "invitation", to, locale: "en", payload: invitationPayload, clock });

  const { worker, close } = smtpWorker(smtp, clock);
  expect(await drain(worker)).toEqual({ claimed: 5, sent: 4, retry: 0, failed: 1 });
  await close();

  const row = await db().emailMessage.findUniqueOrThrow({ where: { id: bad.id } });
  expect(row).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null, lockedUntil: null });
  expect(row.lastError).toContain("550");
  expect(row.lastError).toContain("User unknown");
  // A message that failed for good keeps no working token either.
  expect(row.payload).toMatchObject({ registerUrl: "" });
  for (const to of others) expect(smtp.allMailTo(to)).toHaveLength(1);
  expect(smtp.allMailTo(rejected)).toHaveLength(0);
});
