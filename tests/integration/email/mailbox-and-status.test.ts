// The demo's local mailbox (stores each message, reads it back for app/mailbox, exists only
// while that transport is active) and the message status the domain reads (R17, R27, R28).
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { createEmailTransport } from "@/lib/email/create-email-transport";
import { createMailboxTransport } from "@/lib/email/create-mailbox-transport";
import { EmailWorker } from "@/lib/email/email-worker";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEmailStatus } from "@/lib/email/get-email-status";
import { listMailbox } from "@/lib/email/list-mailbox";
import { isMailboxEnabled } from "@/lib/email/mailbox-access";
import { readMailboxMessage } from "@/lib/email/read-mailbox-message";
import { parseEnv } from "@/lib/env";
import { createTestTenant } from "../../fixtures/tenant";
import { startTestSmtpServer, type TestSmtpServer } from "../../setup/smtp-server";
import { useTestDatabase } from "../../setup/test-database";
import { drain, recipient, smtpWorker, TEST_FROM } from "./email-helpers";

useTestDatabase();

const START = new Date(Date.now() + 60_000);
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "lp-mailbox-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});
beforeEach(async () => {
  await db().emailMessage.deleteMany();
});

describe("the local mailbox", () => {
  test("stores each delivered message as raw MIME plus its parts, and reads it back with its links", async () => {
    const clock = fixedClock(START);
    const to = recipient("demo");
    const verifyUrl = "http://localhost:3000/verify?token=demo-token&continue=%2Fmy-software";
    const queued = await enqueueEmail({
      db: db(),
      template: "account-verification",
      to,
      locale: "nl",
      payload: { firstName: "Demo", verifyUrl, expiresInHours: 24 },
      clock,
    });
    const transport = createMailboxTransport({ directory, from: TEST_FROM, clock });
    const worker = new EmailWorker({ transport, clock, log: () => {} });

    expect(await drain(worker)).toMatchObject({ sent: 1 });

    const listed = await listMailbox({ directory, to });
    expect(listed).toHaveLength(1);
    const message = await readMailboxMessage({ directory, id: listed[0]!.id });
    expect(message).toMatchObject({ to, messageId: queued.messageId, receivedAt: START.toISOString() });
    expect(message!.subject).not.toBe("");
    expect(message!.links).toContain(verifyUrl);
    expect(message!.text).toContain(verifyUrl);

    const raw = await readFile(path.join(directory, `${listed[0]!.id}.eml`));
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.subject).toBe(message!.subject);
    expect((await readdir(directory)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("lists newest first, and refuses ids that are not its own (no path traversal)", async () => {
    const clock = fixedClock(START);
    const transport = createMailboxTransport({ directory, from: TEST_FROM, clock });
    const first = recipient("order");
    const second = recipient("order");
    await transport.send({ messageId: "<a@localhost>", to: first, subject: "first", html: "<p>1</p>", text: "1" });
    clock.advance(1000);
    await transport.send({ messageId: "<b@localhost>", to: second, subject: "second", html: "<p>2</p>", text: "2" });

    const subjects = (await listMailbox({ directory })).map((entry) => entry.subject);
    expect(subjects.indexOf("second")).toBeLessThan(subjects.indexOf("first"));
    expect(await readMailboxMessage({ directory, id: "../../etc/passwd" })).toBeNull();
    expect(await readMailboxMessage({ directory, id: "0000000000000-00000000-0000-0000-0000-000000000000" })).toBeNull();
    expect(await listMailbox({ directory: path.join(directory, "missing") })).toEqual([]);
  });

  test("the mailbox page exists only with the mailbox transport; on for the demo and development, off in production on a server unless MAILBOX=on", () => {
    const server = "postgresql://portal@db.internal:5432/portal";
    expect(isMailboxEnabled(parseEnv({}))).toBe(true);
    expect(isMailboxEnabled(parseEnv({ SMTP_URL: "smtp://mail.internal:587" }))).toBe(false);
    expect(isMailboxEnabled(parseEnv({ SMTP_URL: "smtp://mail.internal:587", EMAIL_TRANSPORT: "mailbox" }))).toBe(true);
    expect(isMailboxEnabled(parseEnv({ MAILBOX: "off" }))).toBe(false);
    expect(isMailboxEnabled(parseEnv({ NODE_ENV: "production", DATABASE_URL: server, DATABASE_IS_EMBEDDED: "true" }))).toBe(true);
    expect(isMailboxEnabled(parseEnv({ NODE_ENV: "production", DATABASE_URL: server }))).toBe(false);
    expect(isMailboxEnabled(parseEnv({ NODE_ENV: "production", DATABASE_URL: server, MAILBOX: "on" }))).toBe(true);
    expect(
      isMailboxEnabled(parseEnv({ NODE_ENV: "production", DATABASE_URL: server, SMTP_URL: "smtps://mail.internal:465", MAILBOX: "on" })),
    ).toBe(false);
    expect(createEmailTransport(parseEnv({ DATA_DIR: directory })).kind).toBe("mailbox");
    expect(createEmailTransport(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" })).kind).toBe("smtp");
  });
});

describe("message status for the domain", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  test("R17/R27: the latest message per person and template of one company: PENDING, SENT, FAILED with its reason; a resend replaces a failure; never another company's (R28)", async () => {
    const clock = fixedClock(START);
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const [sent, failing, waiting] = [await tenant.addInvitedUser(), await tenant.addInvitedUser(), await tenant.addInvitedUser()];
    const outsider = await other.addInvitedUser();
    const payload = {
      firstName: "Invited",
      productNames: ["PROFIS Engineering"],
      companyName: tenant.company.name,
      adminName: "Admin",
      registerUrl: "http://localhost:3000/register?invitation=t",
    };
    const invite = (user: { id: string; email: string }, companyId: string) =>
      enqueueEmail({ db: db(), template: "invitation", to: user.email, locale: "nl", payload, userId: user.id, companyId, clock });
    smtp.rejectRecipient(failing.email, "5.1.1 User unknown");
    await invite(sent, tenant.company.id);
    await invite(failing, tenant.company.id);
    await invite(outsider, other.company.id);
    const { worker, close } = smtpWorker(smtp, clock);
    await drain(worker);
    await invite(waiting, tenant.company.id);

    const statuses = await getEmailStatus({ companyId: tenant.company.id, templates: ["invitation"] });
    const byUser = new Map(statuses.map((entry) => [entry.userId, entry]));
    expect(byUser.size).toBe(3);
    expect(byUser.get(sent.id)).toMatchObject({ status: "SENT", template: "invitation", toAddress: sent.email });
    expect(byUser.get(failing.id)).toMatchObject({ status: "FAILED" });
    expect(byUser.get(failing.id)!.lastError).toContain("User unknown");
    expect(byUser.get(waiting.id)).toMatchObject({ status: "PENDING" });
    expect(byUser.has(outsider.id)).toBe(false);

    // The admin fixed the address on the mail server's side and resends: the new message counts.
    smtp.acceptRecipient(failing.email);
    const resent = await invite(failing, tenant.company.id);
    expect((await getEmailStatus({ companyId: tenant.company.id, userIds: [failing.id] }))[0]).toMatchObject({
      id: resent.id,
      status: "PENDING",
    });
    await drain(worker);
    await close();
    expect((await getEmailStatus({ companyId: tenant.company.id, userIds: [failing.id], templates: ["invitation"] }))[0]).toMatchObject({
      id: resent.id,
      status: "SENT",
    });
    expect(await getEmailStatus({ companyId: tenant.company.id, userIds: [] })).toEqual([]);
    expect(await getEmailStatus({ companyId: "not-an-id" })).toEqual([]);
  });
});
