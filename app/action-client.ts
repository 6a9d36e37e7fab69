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

type ActionInput<Schema extends z.ZodType> = z.input<Schema> | FormData;

/** What an `actions.ts` exports: typed from its schema; an action whose fields are all optional may be called without input. */
export type ServerAction<Schema extends z.ZodType, Result> = (
  ...input: Record<string, never> extends z.input<Schema> ? [input?: ActionInput<Schema>] : [input: ActionInput<Schema>]
) => Promise<ActionResult<Result>>;

type ActionDefinition<Schema extends z.ZodType, Result, Caller> = {
  input: Schema;
  run: (context: { user: Caller; input: z.output<Schema> }) => Promise<Result>;
  revalidate?: Revalidate[];
  /** Words a failure in the action's own terms (e.g. the grid's "someone else saved first"). */
  describeFailure?: (error: ActionError) => ActionError | Promise<ActionError>;
};

type UserActionDefinition<Schema extends z.ZodType, Result> = ActionDefinition<Schema, Result, CurrentUser> & {
  /** Throws a DomainError (NOT_FOUND / FORBIDDEN) unless the user may act on this resource. */
  authorize: (context: { user: CurrentUser; input: z.output<Schema> }) => void | Promise<void>;
};

function toPlainInput(raw: unknown): unknown {
  if (raw === undefined) return {};
  return raw instanceof FormData ? Object.fromEntries(raw) : raw;
}

async function failure(
  code: ActionError["code"],
  fieldErrors?: Record<string, string[]>,
  retryAfterSeconds = 60,
): Promise<{ ok: false; error: ActionError }> {
  const t = await getTranslations("errors");
  // RATE_LIMITED states the wait: whole minutes, at least one.
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return { ok: false, error: { code, message: t(code, { minutes }), ...(fieldErrors ? { fieldErrors } : {}) } };
}

/** A domain error as the form shows it: its code's message, its field problems as zod's field errors. */
function domainFailure(error: DomainError): Promise<{ ok: false; error: ActionError }> {
  const { code, details } = error.failure;
  if (code === "RATE_LIMITED") return failure(code, undefined, details.retryAfterSeconds);
  const fields = "fields" in details ? details.fields : undefined;
  const fieldErrors = fields && Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, [problem]]));
  return failure(code, fieldErrors);
}

async function execute<Schema extends z.ZodType, Result>(
  definition: Pick<ActionDefinition<Schema, Result, unknown>, "input" | "revalidate">,
  rawInput: unknown,
  step: (input: z.output<Schema>) => Promise<Result>,
): Promise<ActionResult<Result>> {
  const parsed = definition.input.safeParse(toPlainInput(rawInput));
  if (!parsed.success) {
    return failure("INVALID", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  try {
    const data = await step(parsed.data);
    for (const { path, type } of definition.revalidate ?? []) revalidatePath(path, type);
    return { ok: true, data };
  } catch (error) {
    if (isDomainError(error)) return domainFailure(error);
    // An outage is said as such, so the user knows to try again rather than report a bug.
    if (isDatabaseUnavailable(error)) {
      console.warn(`[action] database unavailable: ${databaseErrorLine(error)}`);
      return failure("DATABASE_UNAVAILABLE");
    }
    console.error("Unexpected error in server action", error);
    return failure("UNEXPECTED");
  }
}

function serverAction<Schema extends z.ZodType, Result>(
  definition: Pick<ActionDefinition<Schema, Result, unknown>, "describeFailure">,
  call: (rawInput: unknown) => Promise<ActionResult<Result>>,
): ServerAction<Schema, Result> {
  return (async (rawInput?: unknown) => {
    const result = await call(rawInput);
    if (result.ok || !definition.describeFailure) return result;
    return { ok: false, error: await definition.describeFailure(result.error) };
  }) as ServerAction<Schema, Result>;
}

/** An action for signed-in users; authorization on the resource is a required step. */
export function userAction<Schema extends z.ZodType, Result>(
  definition: UserActionDefinition<Schema, Result>,
): ServerAction<Schema, Result> {
  return serverAction(definition, (rawInput) =>
    execute(definition, rawInput, async (input) => {
      const user = await getSessionUser();
      if (!user) throw new DomainError("UNAUTHENTICATED", "not signed in");
      await definition.authorize({ user, input });
      return definition.run({ user, input });
    }),
  );
}

/**
 * A back-office action (R31). Anyone who is not staff, signed in or not, gets NOT_FOUND — the
 * back office does not reveal itself; the domain function checks staff again in its transaction.
 * Authentication comes before parsing, so a stranger learns nothing from validation errors either.
 */
export function staffAction<Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Schema, Result, CurrentUser>,
): ServerAction<Schema, Result> {
  return serverAction(definition, async (rawInput) => {
    const user = await getSessionUser();
    try {
      requireStaff(user);
    } catch (error) {
      if (isDomainError(error)) return failure(error.code);
      throw error;
    }
    return execute(definition, rawInput, (input) => definition.run({ user: user!, input }));
  });
}

/** An action anyone may call (e.g. the language switch on the sign-in page); `user` is null when nobody is signed in. */
export function publicAction<Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Schema, Result, CurrentUser | null>,
): ServerAction<Schema, Result> {
  return serverAction(definition, (rawInput) =>
    execute(definition, rawInput, async (input) => definition.run({ user: await getSessionUser(), input })),
  );
}
