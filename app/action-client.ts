// The one way to write a server action (STYLE.md §2): parse the input with zod → authenticate →
// authorize on the resource → one domain call → revalidate, returning a typed result. Domain
// errors become translated messages here; anything unexpected is logged and shown generically.
import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionError, ActionResult } from "@/lib/actions/action-result";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireStaff } from "@/lib/auth/permissions";
import { databaseErrorLine, isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { DomainError, isDomainError } from "@/lib/errors";
import { getSessionUser } from "@/app/session";


type Revalidate = { path: string; type?: "layout" | "page" };

type UserActionDefinition<Schema extends z.ZodType, Result> = {
  input: Schema;
  /** Throws a DomainError (NOT_FOUND / FORBIDDEN) unless the user may act on this resource. */
  authorize: (context: { user: CurrentUser; input: z.output<Schema> }) => void | Promise<void>;
  run: (context: { user: CurrentUser; input: z.output<Schema> }) => Promise<Result>;
  revalidate?: Revalidate[];
};

type PublicActionDefinition<Schema extends z.ZodType, Result> = {
  input: Schema;
  /** `user` is null when nobody is signed in. */
  run: (context: { user: CurrentUser | null; input: z.output<Schema> }) => Promise<Result>;
  revalidate?: Revalidate[];
};

function toPlainInput(raw: unknown): unknown {
  return raw instanceof FormData ? Object.fromEntries(raw) : raw;
}

async function failure(code: ActionError["code"], fieldErrors?: Record<string, string[]>, details: Record<string, unknown> = {}): Promise<{ ok: false; error: ActionError }> {
  const t = await getTranslations("errors");
  // RATE_LIMITED states the wait (issue 4): whole minutes, at least one.
  const minutes = Math.max(1, Math.ceil(Number(details.retryAfterSeconds ?? 60) / 60));
  return { ok: false, error: { code, message: t(code, { minutes }), ...(fieldErrors ? { fieldErrors } : {}) } };
}

/** A DomainError's `details.fields` ({ field: problem }) in the shape of zod's field errors. */
function domainFieldErrors(details: Record<string, unknown>): Record<string, string[]> | undefined {
  const fields = details.fields;
  if (!fields || typeof fields !== "object") return undefined;
  return Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, [String(problem)]]));
}

async function execute<Schema extends z.ZodType, Result>(
  schema: Schema,
  rawInput: unknown,
  step: (input: z.output<Schema>) => Promise<Result>,
  revalidate: Revalidate[] = [],
): Promise<ActionResult<Result>> {
  const parsed = schema.safeParse(toPlainInput(rawInput));
  if (!parsed.success) {
    return failure("INVALID", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  try {
    const data = await step(parsed.data);
    for (const { path, type } of revalidate) revalidatePath(path, type);
    return { ok: true, data };
  } catch (error) {
    if (isDomainError(error)) return failure(error.code, domainFieldErrors(error.details), error.details);
    // Issue 15: an outage is said as such, so the user knows to try again rather than report a bug.
    if (isDatabaseUnavailable(error)) {
      console.warn(`[action] database unavailable: ${databaseErrorLine(error)}`);
      return failure("DATABASE_UNAVAILABLE");
    }
    console.error("Unexpected error in server action", error);
    return failure("UNEXPECTED");
  }
}

/** An action for signed-in users; authorization on the resource is a required step. */
export function userAction<Schema extends z.ZodType, Result>(definition: UserActionDefinition<Schema, Result>) {
  return (rawInput: unknown): Promise<ActionResult<Result>> =>
    execute(
      definition.input,
      rawInput,
      async (input) => {
        const user = await getSessionUser();
        if (!user) throw new DomainError("UNAUTHENTICATED", "not signed in");
        await definition.authorize({ user, input });
        return definition.run({ user, input });
      },
      definition.revalidate,
    );
}

type StaffActionDefinition<Schema extends z.ZodType, Result> = {
  input: Schema;
  run: (context: { user: CurrentUser; input: z.output<Schema> }) => Promise<Result>;
  revalidate?: Revalidate[];
};

/**
 * A back-office action (R31). Anyone who is not staff, signed in or not, gets NOT_FOUND — the
 * back office does not reveal itself; the domain function checks staff again in its transaction.
 * Authentication comes before parsing, so a stranger learns nothing from validation errors either.
 */
export function staffAction<Schema extends z.ZodType, Result>(definition: StaffActionDefinition<Schema, Result>) {
  return async (rawInput: unknown): Promise<ActionResult<Result>> => {
    const user = await getSessionUser();
    try {
      requireStaff(user);
    } catch (error) {
      if (isDomainError(error)) return failure(error.code);
      throw error;
    }
    return execute(definition.input, rawInput, (input) => definition.run({ user: user!, input }), definition.revalidate);
  };
}

/** An action anyone may call (e.g. the language switch on the sign-in page). */
export function publicAction<Schema extends z.ZodType, Result>(definition: PublicActionDefinition<Schema, Result>) {
  return (rawInput: unknown): Promise<ActionResult<Result>> =>
    execute(definition.input, rawInput, async (input) => definition.run({ user: await getSessionUser(), input }), definition.revalidate);
}
