// The client's API session (R5: "the client may remember the login for 30 days"). Sign-in stores
// the refresh token in the state directory; every later command gets a fresh access token from it
// without asking for the password again. Refresh tokens are single use: each refresh returns a new
// one, which is written to disk before the new access token is used, so a crash can never leave
// the client holding only the spent token (whose reuse would end the whole session on the server).
import { ApiProblemError, type LicensingApiClient, type SessionAnswer } from "@/clients/desktop/api-client";
import { rememberedUntil, type ClientStateStore, type StoredSession } from "@/clients/desktop/client-state";
import type { Machine } from "@/clients/desktop/machine";

/** Refresh a little before the access token runs out, so it does not expire in flight. */
const ACCESS_TOKEN_MARGIN_MS = 30_000;

export class NotSignedInError extends Error {
  constructor(message = "Not signed in: run `sign-in --server URL --email E` first.") {
    super(message);
    this.name = "NotSignedInError";
  }
}

export class ApiSession {
  constructor(
    private readonly store: ClientStateStore,
    private readonly api: LicensingApiClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async signIn(options: { email: string; password: string; machine: Machine; clientName: string }): Promise<StoredSession> {
    const { body } = await this.api.signIn({
      email: options.email,
      password: options.password,
      client: options.clientName,
      device: { fingerprint: options.machine.fingerprint, hostname: options.machine.hostname },
    });
    const session = this.sessionFrom(body, {
      email: options.email,
      signedInAt: this.now().toISOString(),
      fingerprint: options.machine.fingerprint,
    });
    await this.store.update((state) => {
      // Another account's or server's seats and activations are not this login's.
      if (state.session && (state.session.server !== session.server || state.session.email !== session.email)) {
        state.activations = [];
        state.leases = [];
      }
      state.session = session;
    }, this.now());
    return session;
  }

  /** The remembered session, or NotSignedInError (never signed in, signed out, or older than 30 days). */
  async current(): Promise<StoredSession> {
    const { session } = await this.store.load(this.now());
    if (!session) throw new NotSignedInError();
    if (session.server !== this.api.server)
      throw new NotSignedInError(`Signed in at ${session.server}, not at ${this.api.server}: sign in there first.`);
    return session;
  }

  /**
   * Runs an API call with a valid access token: refreshed first when it is about to expire, and
   * refreshed once more if the server still says UNAUTHENTICATED (revoked, clock skew).
   */
  async withAccessToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    let session = await this.current();
    if (Date.parse(session.accessTokenExpiresAt) - ACCESS_TOKEN_MARGIN_MS <= this.now().getTime()) session = await this.refresh(session);
    try {
      return await call(session.accessToken);
    } catch (error) {
      if (!(error instanceof ApiProblemError) || error.problem.code !== "UNAUTHENTICATED") throw error;
      session = await this.refresh(session);
      return call(session.accessToken);
    }
  }

  /** Ends the session on the server (which releases the seats of the machine it signed in on) and forgets it here. */
  async signOut(): Promise<{ serverSignedOut: boolean }> {
    const { session } = await this.store.load(this.now());
    let serverSignedOut = true;
    try {
      await this.withAccessToken((accessToken) => this.api.signOut(accessToken));
    } catch (error) {
      // The login ended already (expired, revoked): forgetting it here is all there is left to do.
      if (!(error instanceof NotSignedInError) && !(error instanceof ApiProblemError && error.status === 401)) throw error;
      serverSignedOut = false;
    }
    await this.store.update((state) => {
      state.session = null;
      state.leases = state.leases.filter((lease) => lease.server !== this.api.server || lease.fingerprint !== session?.fingerprint);
    }, this.now());
    return { serverSignedOut };
  }

  private async refresh(session: StoredSession): Promise<StoredSession> {
    let answer: SessionAnswer;
    try {
      ({ body: answer } = await this.api.refresh(session.refreshToken));
    } catch (error) {
      if (error instanceof ApiProblemError && (error.problem.code === "INVALID_REFRESH_TOKEN" || error.status === 401)) {
        await this.store.update((state) => {
          state.session = null;
        }, this.now());
        throw new NotSignedInError("The remembered login has ended (expired, signed out or revoked): sign in again.");
      }
      throw error;
    }
    const rotated = this.sessionFrom(answer, session);
    // Rotation: the old refresh token is spent now; persist the new one before anything else.
    await this.store.update((state) => {
      state.session = rotated;
    }, this.now());
    return rotated;
  }

  private sessionFrom(answer: SessionAnswer, identity: Pick<StoredSession, "email" | "signedInAt" | "fingerprint">): StoredSession {
    const now = this.now();
    return {
      server: this.api.server,
      email: identity.email,
      accessToken: answer.accessToken,
      accessTokenExpiresAt: new Date(now.getTime() + answer.expiresIn * 1000).toISOString(),
      refreshToken: answer.refreshToken,
      rememberedUntil: rememberedUntil({ now, refreshTokenExpiresAt: answer.refreshTokenExpiresAt }),
      signedInAt: identity.signedInAt,
      fingerprint: identity.fingerprint,
    };
  }
}
