// Blanks a finished message's one-time links, so a database dump or backup never holds a working token.
import "server-only";
import type { Prisma } from "@prisma/client";
import { secretPayloadFields, type EmailTemplate } from "@/lib/email/email-templates";

export function redactEmailPayload(template: string, payload: Prisma.JsonValue): Prisma.InputJsonValue {
  const fields = (secretPayloadFields[template as EmailTemplate] ?? []) as string[];
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return (payload ?? {}) as Prisma.InputJsonValue;
  const redacted: Record<string, Prisma.JsonValue | undefined> = { ...payload };
  for (const field of fields) if (field in redacted) redacted[field] = "";
  return redacted as Prisma.InputJsonValue;
}
