// R5: at each use the desktop application requests a seat from the licensing service; the seat
// is valid for one hour and extended by one hour while the software is in use (heartbeat), and
// released at logout. Every receipt is verified offline (verify.ts) before it is trusted.
import { ApiProblemError } from "@/clients/desktop/api-client";
import type { StoredLease } from "@/clients/desktop/client-state";
import { isOnThisMachine, type CommandContext, type CommandResult } from "@/clients/desktop/command-context";
import { UsageError } from "@/clients/desktop/usage-error";
import { SignedDocumentRejectedError } from "@/clients/desktop/verify";

export async function leaseTakeCommand(context: CommandContext, options: { license: string }): Promise<CommandResult> {
  const { api, machine } = context;
  const productCode = await productCodeOf(context, options.license);
  const { status, body } = await context.session.withAccessToken((accessToken) =>
    api.takeLease(accessToken, { licenseId: options.license, fingerprint: machine.fingerprint }),
  );
  const claims = await context.keys.verifyLeaseReceipt({
    token: body.signature,
    productCode,
    fingerprint: machine.fingerprint,
    expected: { leaseId: body.id, licenseId: options.license },
    now: context.now(),
  });
  assertSameExpiry(claims.expiresAt, body.expiresAt);
  const lease: StoredLease = {
    server: api.server,
    id: body.id,
    licenseId: body.licenseId,
    productCode,
    fingerprint: machine.fingerprint,
    expiresAt: body.expiresAt,
    receipt: body.signature,
  };
  await context.store.update((state) => {
    state.leases = state.leases.filter((other) => !(isOnThisMachine(other, context) && other.licenseId === lease.licenseId));
    state.leases.push(lease);
  }, context.now());
  const extended = status === 200;
  return {
    lines: [`${extended ? "Seat extended" : "Seat taken"} until ${body.expiresAt} (lease ${body.id}); receipt verified.`],
    data: { lease: { id: body.id, licenseId: body.licenseId, expiresAt: body.expiresAt }, isNew: !extended },
  };
}

export async function leaseHeartbeatCommand(context: CommandContext, options: { license?: string }): Promise<CommandResult> {
  const { api, machine } = context;
  const lease = await chooseLease(context, options);
  let answer;
  try {
    ({ body: answer } = await context.session.withAccessToken((accessToken) => api.heartbeat(accessToken, lease.id)));
  } catch (error) {
    // The seat is gone (LEASE_EXPIRED, or released elsewhere): forget it.
    if (error instanceof ApiProblemError && (error.status === 410 || error.status === 404)) await forgetLease(context, lease.id);
    throw error;
  }
  const claims = await context.keys.verifyLeaseReceipt({
    token: answer.signature,
    productCode: lease.productCode,
    fingerprint: machine.fingerprint,
    expected: { leaseId: lease.id, licenseId: lease.licenseId },
    now: context.now(),
  });
  assertSameExpiry(claims.expiresAt, answer.expiresAt);
  const receipt = answer.signature;
  await context.store.update((state) => {
    const stored = state.leases.find((candidate) => candidate.id === lease.id);
    if (stored) Object.assign(stored, { expiresAt: answer.expiresAt, receipt });
  }, context.now());
  return {
    lines: [`Seat extended until ${answer.expiresAt} (lease ${lease.id}).`],
    data: { lease: { id: lease.id, licenseId: lease.licenseId, expiresAt: answer.expiresAt } },
  };
}

export async function leaseReleaseCommand(context: CommandContext, options: { license?: string }): Promise<CommandResult> {
  const { api } = context;
  const lease = await chooseLease(context, options);
  try {
    await context.session.withAccessToken((accessToken) => api.releaseLease(accessToken, lease.id));
  } catch (error) {
    if (!(error instanceof ApiProblemError && error.status === 404)) throw error;
    // Gone on the server already: nothing left to free.
  }
  await forgetLease(context, lease.id);
  return { lines: [`Seat released (lease ${lease.id}): another user can take it now.`], data: { leaseId: lease.id } };
}

/** The signed receipt is what counts: an answer whose expiry differs from it is not trusted. */
function assertSameExpiry(signed: string, answered: string): void {
  if (Date.parse(signed) !== Date.parse(answered)) {
    throw new SignedDocumentRejectedError("lease", "UNEXPECTED_CLAIMS", `it says the seat ends at ${signed}, the answer says ${answered}`);
  }
}

/** The audience of the receipt: from this machine's activation, else from the user's entitlements. */
async function productCodeOf(context: CommandContext, licenseId: string): Promise<string> {
  const state = await context.store.load(context.now());
  const activation = state.activations.find((candidate) => candidate.server === context.api.server && candidate.licenseId === licenseId);
  if (activation) return activation.productCode;
  const { body } = await context.session.withAccessToken((accessToken) => context.api.entitlements(accessToken));
  const entitlement = body.entitlements.find((candidate) => candidate.licenseId === licenseId);
  if (!entitlement) throw new UsageError(`License ${licenseId} is not among your licenses (see \`entitlements\`).`);
  return entitlement.productCode;
}

async function chooseLease(context: CommandContext, options: { license?: string }): Promise<StoredLease> {
  const state = await context.store.load(context.now());
  const mine = state.leases.filter((lease) => isOnThisMachine(lease, context));
  const candidates = options.license ? mine.filter((lease) => lease.licenseId === options.license) : mine;
  if (candidates.length === 0) throw new UsageError("This machine holds no seat: run `lease take --license ID` first.");
  if (candidates.length > 1)
    throw new UsageError(
      `This machine holds ${candidates.length} seats; say which with --license (${candidates.map((lease) => lease.licenseId).join(", ")}).`,
    );
  return candidates[0]!;
}

async function forgetLease(context: CommandContext, leaseId: string): Promise<void> {
  await context.store.update((state) => {
    state.leases = state.leases.filter((lease) => lease.id !== leaseId);
  }, context.now());
}
