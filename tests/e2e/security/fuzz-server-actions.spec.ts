// Property-based fuzzing of every server action's input (docs/SECURITY.md): every server action of
// the build, called over HTTP by an ADMIN of a company (the caller who gets furthest) and by nobody,
// with fast-check's inputs — any JSON value, any number of arguments, and near-valid objects made
// from the fields an action takes (each replaced by values of any kind, control characters, 70 kB
// strings, ids of other records; extra fields). Whatever arrives: never a 5xx, never an unexpected
// error (the action client's UNEXPECTED), always a result; and a call that is refused writes nothing.
// Runs on both databases (the chromium and chromium-postgres projects).
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { signIn } from "../support/demo";
import { seedAuthorizationMatrix, type MatrixSeed } from "../support/security-companies";
import { actionManifest, actionOutcome, callAction, changedTables, databaseState } from "../support/server-actions";

test.describe.configure({ timeout: 600_000 });

/** The fields each action's input takes (its zod schema, by name), so near-valid inputs use them. */
const FIELDS: Record<string, string[]> = {
  setLanguageAction: ["language"],
  requestPasswordResetAction: ["email"],
  resendVerificationAction: ["email"],
  resetPasswordAction: ["token", "password"],
  activateAccountAction: ["token", "language", "password", "acceptTerms"],
  registerAction: ["email", "password", "firstName", "lastName", "acceptTerms", "language", "continueTo", "invitationToken"],
  acceptMembershipInvitationAction: ["token"],
  applySavedLanguageAction: [],
  changeCompanyAction: ["companyId"],
  contactSalesAction: ["productCode", "companyName", "country", "email", "message"],
  placeOrderAction: [
    "buyer",
    "companyId",
    "companyName",
    "country",
    "vatNumber",
    "lines",
    "idempotencyKey",
    "paymentMethod",
    "billingAttention",
    "billingStreet",
    "billingPostalCode",
    "billingCity",
    "purchaseOrderNumber",
  ],
  saveProfileAction: ["title", "firstName", "lastName", "position", "language"],
  changePasswordAction: ["currentPassword", "newPassword"],
  signOutEverywhereAction: [],
  saveAssignmentsAction: ["groupId", "expectedVersion", "changes"],
  addUserAction: ["groupId", "email", "withContact", "title", "firstName", "lastName", "position", "language"],
  deactivateDeviceAction: ["groupId", "activationId", "reason"],
  resendInvitationAction: ["groupId", "userId"],
  changeMemberRoleAction: ["companyId", "userId", "role"],
  createCompanyAction: ["name", "country", "sapAccountNumber", "vatNumber"],
  addCompanyAdminAction: ["companyId", "email"],
  endMembershipAction: ["companyId", "userId"],
  createLicenseGroupAction: ["companyId", "name", "sapAccountNumber", "orderReference"],
  createLicenseAction: ["companyId", "groupId", "productCode", "type", "edition", "seats", "validFrom", "validUntil"],
  changeLicenseSeatsAction: ["licenseId", "seats", "unassignUserIds", "expectedVersion"],
  changeLicenseValidityAction: ["kind", "licenseId", "validUntil", "expectedVersion"],
  markOrderHandledAction: ["orderId"],
  markInvoicePaidAction: ["orderId"],
  markSalesLeadHandledAction: ["salesLeadId"],
};
/** Ending the caller's own sessions would leave the rest of the run signed out; its input is nothing anyway. */
const NOT_FUZZED_AS_ADMIN = new Set(["signOutEverywhereAction"]);
const RUNS = Number(process.env.FUZZ_ACTION_RUNS ?? 30);

const CONTROL = fc.constantFrom("\u0000", "\u202E", "\uD800", "\u2028", "$", "$@0", "$K1", "../", '\'; DROP TABLE "User"; --');
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), CONTROL).map(([text, bad]) => `${text}${bad}`),
  fc.constant("x".repeat(70_000)),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nasty, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));

let seed: MatrixSeed;
let admin: APIRequestContext;
let anonymous: APIRequestContext;

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  seed = seedAuthorizationMatrix();
  const page = await (await browser.newContext({ locale: "nl-NL" })).newPage();
  await signIn(page, seed.emails.adminA!);
  admin = page.context().request;
  anonymous = await playwright.request.newContext({ baseURL });
});

test("no input to any server action answers 5xx or an unexpected error, and a refused one writes nothing", async () => {
  const manifest = actionManifest();
  const realIds = [
    seed.companyA.id,
    seed.companyA.groupId,
    seed.companyB.id,
    seed.companyB.groupId,
    ...Object.values(seed.userIds),
    ...Object.values(seed.licenses),
    seed.activationId,
    seed.orderId,
    seed.salesLeadId,
  ];
  const params = {
    groupId: seed.companyA.groupId,
    companyId: seed.companyA.id,
    licenseId: seed.licenses.floating,
    orderId: seed.orderId,
    product: "profis-engineering",
  };
  const fieldValue = fc.oneof(
    anyValue,
    fc.constantFrom(...realIds),
    fc.array(fc.record({ licenseId: fc.constantFrom(...realIds), userId: fc.constantFrom(...realIds), assigned: anyValue }), {
      maxLength: 3,
    }),
  );
  const failures: string[] = [];
  for (const key of [...manifest.keys()].sort()) {
    const name = key.split("#")[1]!;
    const fields = FIELDS[name];
    expect(fields, `${key}: add its input fields to FIELDS`).toBeDefined();
    const nearValid = fc
      .tuple(
        fc.record(Object.fromEntries(fields!.map((field) => [field, fieldValue])), { requiredKeys: [] }),
        fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 2 }),
      )
      .map(([known, extra]) => [{ ...extra, ...known }]);
    const args = fc.oneof(nearValid, nearValid, fc.array(anyValue, { maxLength: 3 }), fc.constant<unknown[]>([]));
    const callers = NOT_FUZZED_AS_ADMIN.has(name) ? [anonymous] : [admin, anonymous];
    await fc.assert(
      fc.asyncProperty(args, fc.constantFrom(...callers), fc.boolean(), async (sent, request, raw) => {
        const before = await databaseState();
        // raw: strings that start with "$" reach React's decoder as references, not text.
        const { response, text } = await callAction(request, key, sent, params, { raw });
        const outcome = actionOutcome(response, text);
        const who = request === admin ? "admin" : "anonymous";
        // Only references React cannot resolve may be refused before the action runs (400, the proxy).
        const isBadReply = raw && response.status() === 400 && text.startsWith("Bad request");
        if ((/^HTTP/.test(outcome) && !isBadReply) || outcome === "UNEXPECTED")
          failures.push(`${key} as ${who}${raw ? " (raw)" : ""}: ${outcome} for ${JSON.stringify(sent).slice(0, 300)}`);
        if (outcome !== "ok") {
          const changed = changedTables(before, await databaseState());
          if (changed.length > 0)
            failures.push(
              `${key} as ${who}: refused with ${outcome} but changed ${changed.join(", ")} for ${JSON.stringify(sent).slice(0, 300)}`,
            );
        }
      }),
      { numRuns: RUNS },
    );
  }
  expect(failures.join("\n")).toBe("");
});
