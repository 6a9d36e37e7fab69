// Sign-in and sign-out of the desktop application (R5, R22), what it remembers (status) and what
// the user may run (entitlements: "My software" as the application sees it, R23).
import type { EntitlementsAnswer } from "@/clients/desktop/api-client";
import { isOnThisMachine, type CommandContext, type CommandResult } from "@/clients/desktop/command-context";
import { SignedDocumentRejectedError } from "@/clients/desktop/verify";

/** EX_DATAERR: a stored document failed verification. */
export const REFUSED_DOCUMENT_EXIT_CODE = 3;

export async function signInCommand(
  context: CommandContext,
  options: { email: string; password: string; clientName: string },
): Promise<CommandResult> {
  const session = await context.session.signIn({ ...options, machine: context.machine });
  // Fetched now, while online, so the documents of later runs can be checked offline.
  const { body: jwks } = await context.api.signingKeys();
  await context.store.saveJwks({ server: context.api.server, fetchedAt: context.now().toISOString(), jwks });
  return {
    lines: [
      `Signed in at ${session.server} as ${session.email} on ${context.machine.hostname}.`,
      `Login remembered until ${session.rememberedUntil}.`,
    ],
    data: { server: session.server, email: session.email, rememberedUntil: session.rememberedUntil },
  };
}

export async function signOutCommand(context: CommandContext): Promise<CommandResult> {
  const { serverSignedOut } = await context.session.signOut();
  return {
    lines: [
      serverSignedOut
        ? "Signed out; the seats of the machine you signed in on are released."
        : "The login had already ended; forgotten on this machine.",
    ],
    data: { serverSignedOut },
  };
}

/**
 * What this machine holds, checked offline with the cached keys: an activation whose license file
 * fails verification (tampered, expired, another machine's) is reported as refused and the
 * command exits non-zero.
 */
export async function statusCommand(context: CommandContext): Promise<CommandResult> {
  const state = await context.store.load(context.now());
  const { machine, api } = context;
  const lines: string[] = [];
  const session = state.session?.server === api.server ? state.session : null;
  lines.push(
    session
      ? `Signed in at ${session.server} as ${session.email}; remembered until ${session.rememberedUntil}.`
      : `Not signed in at ${api.server}.`,
  );
  lines.push(`This machine: ${machine.hostname} (fingerprint ${machine.fingerprint}).`);

  let refused = 0;
  const activations = [];
  for (const activation of state.activations.filter((candidate) => isOnThisMachine(candidate, context))) {
    const verdict = await checked(() =>
      context.offlineKeys.verifyLicenseFile({
        token: activation.licenseFile,
        productCode: activation.productCode,
        fingerprint: machine.fingerprint,
        expected: { activationId: activation.id, licenseId: activation.licenseId },
        now: context.now(),
      }),
    );
    if (verdict.ok)
      lines.push(
        `Activated: ${activation.productName} (${activation.licenseType}), license ${activation.licenseId}; license file valid until ${new Date(verdict.value.exp * 1000).toISOString()}.`,
      );
    else lines.push(`REFUSED: ${activation.productName}, license ${activation.licenseId}: ${verdict.message}`);
    if (!verdict.ok) refused++;
    activations.push({
      id: activation.id,
      licenseId: activation.licenseId,
      productCode: activation.productCode,
      valid: verdict.ok,
      problem: verdict.ok ? null : verdict.message,
    });
  }
  if (activations.length === 0) lines.push("No activations on this machine.");

  const leases = [];
  for (const lease of state.leases.filter((candidate) => isOnThisMachine(candidate, context))) {
    const verdict = await checked(() =>
      context.offlineKeys.verifyLeaseReceipt({
        token: lease.receipt,
        productCode: lease.productCode,
        fingerprint: machine.fingerprint,
        expected: { leaseId: lease.id, licenseId: lease.licenseId },
        now: context.now(),
      }),
    );
    if (verdict.ok) lines.push(`Seat held: license ${lease.licenseId} until ${verdict.value.expiresAt} (lease ${lease.id}).`);
    // An expired receipt is the normal end of a seat nobody extended, not an attack.
    else if (verdict.reason === "EXPIRED")
      lines.push(`Seat expired: license ${lease.licenseId} (lease ${lease.id}); take a new one with \`lease take\`.`);
    else lines.push(`REFUSED: seat of license ${lease.licenseId} (lease ${lease.id}): ${verdict.message}`);
    if (!verdict.ok && verdict.reason !== "EXPIRED") refused++;
    leases.push({
      id: lease.id,
      licenseId: lease.licenseId,
      expiresAt: lease.expiresAt,
      valid: verdict.ok,
      problem: verdict.ok ? null : verdict.message,
    });
  }

  return {
    lines,
    data: {
      server: api.server,
      signedIn: Boolean(session),
      email: session?.email ?? null,
      rememberedUntil: session?.rememberedUntil ?? null,
      machine,
      activations,
      leases,
    },
    exitCode: refused > 0 ? REFUSED_DOCUMENT_EXIT_CODE : 0,
  };
}

export async function entitlementsCommand(context: CommandContext): Promise<CommandResult> {
  const { body } = await context.session.withAccessToken((accessToken) => context.api.entitlements(accessToken));
  const company = body.company ? `${body.company.name} (${body.company.country})` : "no company";
  const lines = [`${body.user.name} <${body.user.email}>, ${company}:`];
  if (body.entitlements.length === 0) lines.push("  no licenses");
  for (const entitlement of body.entitlements) lines.push(`  ${describeEntitlement(entitlement)}`);
  return { lines, data: body };
}

function describeEntitlement(entitlement: EntitlementsAnswer["entitlements"][number]): string {
  const access =
    entitlement.productKind === "DESKTOP"
      ? `activation key ${entitlement.activationKey ?? "—"}${entitlement.downloadUrl ? `, download ${entitlement.downloadUrl}` : ""}`
      : `open ${entitlement.launchUrl ?? "—"}`;
  return `${entitlement.productName} · ${entitlement.licenseType} · ${entitlement.edition} · until ${entitlement.validUntil.slice(0, 10)} · license ${entitlement.licenseId} · ${access}`;
}

type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string; message: string };

async function checked<T>(check: () => Promise<T>): Promise<Verdict<T>> {
  try {
    return { ok: true, value: await check() };
  } catch (error) {
    if (error instanceof SignedDocumentRejectedError) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: "ERROR", message: error instanceof Error ? error.message : String(error) };
  }
}
