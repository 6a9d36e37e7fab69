// The demo transport: the MIME message SMTP would carry, kept under DATA_DIR/mailbox for app/mailbox.
import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { systemClock, type Clock } from "@/lib/clock";
import type { EmailTransport } from "@/lib/email/email-transport";
import type { MailboxMessage } from "@/lib/email/mailbox-message";

export function createMailboxTransport(options: { directory: string; from: string; clock?: Clock }): EmailTransport {
  const { directory, from } = options;
  const clock = options.clock ?? systemClock;
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "mailbox",
    send: async (email) => {
      const info = await transporter.sendMail({ from, ...email });
      const receivedAt = clock.now();
      // Millisecond time first, so file names sort in arrival order.
      const id = `${String(receivedAt.getTime()).padStart(13, "0")}-${randomUUID()}`;
      const stored: MailboxMessage = { id, from, ...email, receivedAt: receivedAt.toISOString() };
      await mkdir(directory, { recursive: true });
      await writeAtomically(path.join(directory, `${id}.eml`), info.message as Buffer);
      // The .json is written last: the page lists .json files, so it never shows half a message.
      await writeAtomically(path.join(directory, `${id}.json`), JSON.stringify(stored));
      return { response: `250 stored in mailbox as ${id}` };
    },
    close: async () => {},
  };
}

async function writeAtomically(file: string, content: Buffer | string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
