// R2/R5/R30: a seat's receipt (lease+jwt, audience the product), checked offline with the published keys.
import "server-only";
import type { FloatingLease } from "@prisma/client";
import type { Clock } from "@/lib/clock";
import type { LeaseClaims } from "@/lib/licensing-api/contract";
import { signToken } from "@/lib/signing/signed-tokens";

export async function signLeaseReceipt(options: {
  lease: FloatingLease;
  productCode: string;
  fingerprint: string | null;
  clock?: Clock;
}): Promise<string> {
  const { lease } = options;
  const claims: LeaseClaims = {
    leaseId: lease.id,
    licenseId: lease.licenseId,
    productCode: options.productCode,
    fingerprint: options.fingerprint,
    ...(lease.browserSessionId ? { browserSessionId: lease.browserSessionId } : {}),
    expiresAt: lease.expiresAt.toISOString(),
  };
  return signToken({
    kind: "lease",
    subject: lease.userId,
    audience: options.productCode,
    claims,
    expiresAt: lease.expiresAt,
    clock: options.clock,
  });
}
