import { deactivateActivation } from "@/lib/activations/deactivate-activation";
import { authenticatedApiRoute } from "@/lib/api/api-route";
import { noContent } from "@/lib/api/responses";

// R4: the user removes the key from this machine "from the software"; only their own activations
// (another user's is not found, R28). Removing it twice is no error.
export const DELETE = authenticatedApiRoute<{ id: string }>(async ({ params, clock, principal }) => {
  await deactivateActivation({
    actor: { id: principal.userId },
    activationId: params.id,
    reason: "removed from the device by the desktop software",
    isOwnOnly: true,
    clock,
  });
  return noContent();
});
