// Permanent failures (R27): a 5xx answer to the recipient or message ("550 no such user"). Other 5xx
// answers (535 bad credentials) are the server's configuration and are retried like an outage.
import "server-only";

export type SendErrorClass = { isPermanent: boolean; reason: string };

const MESSAGE_LEVEL_CODES = new Set(["EENVELOPE", "EMESSAGE"]);
const MAX_REASON_LENGTH = 1000;

export function classifySendError(error: unknown): SendErrorClass {
  const details = (typeof error === "object" && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const responseCode = typeof details.responseCode === "number" ? details.responseCode : undefined;
  const isPermanent =
    responseCode !== undefined && responseCode >= 500 && responseCode < 600 && MESSAGE_LEVEL_CODES.has(String(details.code));
  // The server's own words when it answered, otherwise nodemailer's description (e.g. ECONNREFUSED).
  const reason = typeof details.response === "string" && details.response !== "" ? details.response : String(details.message ?? error);
  return { isPermanent, reason: reason.slice(0, MAX_REASON_LENGTH) };
}
