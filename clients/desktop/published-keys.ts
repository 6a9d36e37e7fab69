// The server's published signing keys (GET /api/v1/signing-keys, decision 009), cached in the
// state directory so signed documents can be checked offline later. A document naming a key the
// cache does not hold makes the client fetch the keys once more (the server rotated); offline,
// the cached keys are all there is.
import type { JSONWebKeySet } from "jose";
import type { LicensingApiClient } from "@/clients/desktop/api-client";
import type { ClientStateStore } from "@/clients/desktop/client-state";
import {
  SignedDocumentRejectedError,
  verifyLeaseReceipt,
  verifyLicenseFile,
  type VerifiedLease,
  type VerifiedLicenseFile,
  type VerifyOptions,
} from "@/clients/desktop/verify";

type DocumentCheck<Claims> = Omit<VerifyOptions<Claims>, "jwks" | "issuer">;

export class PublishedKeys {
  private fetchedThisRun = false;

  constructor(
    private readonly store: ClientStateStore,
    private readonly api: LicensingApiClient,
    private readonly options: { offline?: boolean } = {},
  ) {}

  verifyLicenseFile(check: DocumentCheck<VerifiedLicenseFile>): Promise<VerifiedLicenseFile> {
    return this.verify((jwks) => verifyLicenseFile({ ...check, jwks, issuer: this.api.server }));
  }

  verifyLeaseReceipt(check: DocumentCheck<VerifiedLease>): Promise<VerifiedLease> {
    return this.verify((jwks) => verifyLeaseReceipt({ ...check, jwks, issuer: this.api.server }));
  }

  private async verify<T>(check: (jwks: JSONWebKeySet) => Promise<T>): Promise<T> {
    try {
      return await check(await this.keys());
    } catch (error) {
      const canRefetch = !this.options.offline && !this.fetchedThisRun;
      if (!(error instanceof SignedDocumentRejectedError) || error.reason !== "UNKNOWN_KEY" || !canRefetch) throw error;
      return check(await this.fetch());
    }
  }

  private async keys(): Promise<JSONWebKeySet> {
    const cached = await this.store.loadJwks(this.api.server);
    if (cached) return cached.jwks as JSONWebKeySet;
    if (this.options.offline) throw new Error(`No signing keys of ${this.api.server} are cached yet: run a command online first.`);
    return this.fetch();
  }

  private async fetch(): Promise<JSONWebKeySet> {
    const { body } = await this.api.signingKeys();
    await this.store.saveJwks({ server: this.api.server, fetchedAt: new Date().toISOString(), jwks: body });
    this.fetchedThisRun = true;
    return body as JSONWebKeySet;
  }
}
