// R22: after installing, the user signs in and enters the activation key from the license email.
// R3: a node-locked key binds to this machine; R4: deactivating it here frees it for another one.
// R5: a floating license is activated once on every machine that will take seats.
// The license file that comes back is verified offline before anything is stored: a file that
// fails any check (verify.ts) is refused and the command fails.
import { ApiProblemError, type ActivationAnswer } from "@/clients/desktop/api-client";
import type { StoredActivation } from "@/clients/desktop/client-state";
import { isOnThisMachine, type CommandContext, type CommandResult } from "@/clients/desktop/command-context";
import { UsageError } from "@/clients/desktop/usage-error";

const licenseTypeNames: Record<ActivationAnswer["activation"]["licenseType"], string> = {
  NODE_LOCKED: "node-locked",
  FLOATING: "floating",
  NAMED_USER: "named user",
};

export async function activateCommand(context: CommandContext, options: { key: string }): Promise<CommandResult> {
  const { api, machine } = context;
  const { status, body } = await context.session.withAccessToken((accessToken) =>
    api.activate(accessToken, { activationKey: options.key, fingerprint: machine.fingerprint, hostname: machine.hostname }),
  );
  const { activation, licenseFile } = body;
  const claims = await context.keys.verifyLicenseFile({
    token: licenseFile,
    productCode: activation.productCode,
    fingerprint: machine.fingerprint,
    expected: { activationId: activation.id, licenseId: activation.licenseId, productCode: activation.productCode },
    now: context.now(),
  });
  const stored: StoredActivation = {
    server: api.server,
    id: activation.id,
    licenseId: activation.licenseId,
    licenseType: activation.licenseType,
    productCode: activation.productCode,
    productName: activation.productName,
    fingerprint: machine.fingerprint,
    hostname: activation.hostname,
    validUntil: new Date(claims.exp * 1000).toISOString(),
    licenseFile,
  };
  await context.store.update((state) => {
    state.activations = state.activations.filter((other) => !(isOnThisMachine(other, context) && other.licenseId === stored.licenseId));
    state.activations.push(stored);
  }, context.now());
  const again = status === 200;
  return {
    lines: [
      `${again ? "Already activated" : "Activated"}: ${activation.productName} (${licenseTypeNames[activation.licenseType]}) on ${activation.hostname}.`,
      `License file verified (signed by ${api.server}, for this machine); renew online before ${stored.validUntil}.`,
      `License ${activation.licenseId}, activation ${activation.id}.`,
    ],
    data: { activation, isNew: !again, licenseFileValidUntil: stored.validUntil },
  };
}

export async function deactivateCommand(
  context: CommandContext,
  options: { license?: string; activation?: string },
): Promise<CommandResult> {
  const { api } = context;
  const state = await context.store.load(context.now());
  const mine = state.activations.filter((activation) => isOnThisMachine(activation, context));
  const chosen = chooseActivation(mine, options);
  const activationId = chosen?.id ?? options.activation;
  if (!activationId) throw new UsageError("No activation to deactivate on this machine.");
  try {
    await context.session.withAccessToken((accessToken) => api.deactivate(accessToken, activationId));
  } catch (error) {
    // Already deactivated (e.g. by the admin, R4): forget it here as well, then report the problem.
    if (error instanceof ApiProblemError && error.status === 404) await forget(context, activationId);
    throw error;
  }
  await forget(context, activationId);
  const name = chosen ? `${chosen.productName} on ${chosen.hostname}` : `activation ${activationId}`;
  return { lines: [`Deactivated ${name}: the license can now be activated on another device.`], data: { activationId } };
}

function chooseActivation(mine: StoredActivation[], options: { license?: string; activation?: string }): StoredActivation | undefined {
  if (options.activation) return mine.find((activation) => activation.id === options.activation);
  if (options.license) {
    const match = mine.find((activation) => activation.licenseId === options.license);
    if (!match) throw new UsageError(`This machine has no activation of license ${options.license}.`);
    return match;
  }
  if (mine.length > 1) {
    const list = mine.map((activation) => `  --license ${activation.licenseId}  (${activation.productName})`).join("\n");
    throw new UsageError(`This machine has ${mine.length} activations; say which one:\n${list}`);
  }
  return mine[0];
}

async function forget(context: CommandContext, activationId: string): Promise<void> {
  await context.store.update((state) => {
    const removed = state.activations.find((activation) => activation.id === activationId);
    state.activations = state.activations.filter((activation) => activation.id !== activationId);
    if (removed)
      state.leases = state.leases.filter((lease) => !(lease.licenseId === removed.licenseId && lease.fingerprint === removed.fingerprint));
  }, context.now());
}
