// Strict request bodies, refused before anything changes: not JSON 415; too large (counted on the bytes
// received), not UTF-8 or not JSON 400; fields not as the contract's strict objects 400, one entry each.
import "server-only";
import { z } from "zod";
import { apiMessage } from "@/lib/api/api-locale";
import { ApiProblem, type FieldError } from "@/lib/api/problem";
import type { Locale } from "@/lib/i18n/locales";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/licensing-api/contract";
import { FORBIDDEN_CHARACTERS } from "@/lib/validation/safe-text";

const zodLocaleErrors = { nl: z.locales.nl().localeError, en: z.locales.en().localeError } satisfies Record<Locale, unknown>;
/** Strict UTF-8 (a wrong byte is an error, not U+FFFD); decode() without `stream` keeps no state between calls. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: {
    locale: Locale;
    /** A request without a body (no Content-Type, no bytes) counts as `{}` (e.g. a heartbeat). */
    isBodyOptional?: boolean;
    maxBytes?: number;
  },
): Promise<z.output<Schema>> {
  const { locale } = options;
  const maxBytes = options.maxBytes ?? MAX_REQUEST_BODY_BYTES;
  const contentType = request.headers.get("content-type");
  const invalid = (field: string, messageKey: string, values = {}) =>
    new ApiProblem("INVALID_REQUEST", { errors: [{ field, message: apiMessage(locale, messageKey, values) }] });

  if (contentType === null && options.isBodyOptional) {
    const bytes = await readBytes(request, maxBytes, () => invalid("", "body.tooLarge", { maxBytes }));
    if (bytes.length === 0) return parseWith(schema, {}, locale);
  }
  if (!isJsonMediaType(contentType)) throw new ApiProblem("UNSUPPORTED_MEDIA_TYPE");
  const bytes = await readBytes(request, maxBytes, () => invalid("", "body.tooLarge", { maxBytes }));
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw invalid("", "body.malformed");
  }
  return parseWith(schema, value, locale);
}

function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown, locale: Locale): z.output<Schema> {
  const parsed = schema.safeParse(value, { error: zodLocaleErrors[locale] });
  if (parsed.success) return parsed.data;
  throw new ApiProblem("INVALID_REQUEST", { errors: fieldErrors(parsed.error, locale) });
}

/** One entry per wrong field, dotted paths ("device.hostname"); "" is the body as a whole. */
export function fieldErrors(error: z.ZodError, locale: Locale): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: [...path, key].join("."), message: apiMessage(locale, "fields.unknown") }));
    }
    // The shared text fields' own problem (lib/validation/safe-text.ts), in the request's language.
    const message =
      issue.code === "custom" && issue.message === FORBIDDEN_CHARACTERS ? apiMessage(locale, "fields.forbiddenCharacters") : issue.message;
    return [{ field: path.join("."), message }];
  });
}

/** application/json or a +json type (RFC 6839), in UTF-8 if a charset is named at all. */
function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = "", ...parameters] = contentType
    .toLowerCase()
    .split(";")
    .map((part) => part.trim());
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  const charset = parameters
    .find((parameter) => parameter.startsWith("charset="))
    ?.slice("charset=".length)
    .replace(/"/g, "");
  return charset === undefined || charset === "utf-8";
}

/** The body's bytes, stopping (and cancelling the upload) as soon as there are too many. */
async function readBytes(request: Request, maxBytes: number, tooLarge: () => ApiProblem): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
