// The stand-in's calls to the licensing portal, server to server, as the vendor's web application
// would make them: redeem the launch token once, ask whether its user is still signed in to the
// portal (decision 018), keep the seat of this browser session alive, and free it on "Log out" (R2).
import "server-only";
import {
  Problem,
  WebSessionHeartbeatResponse,
  type WebSessionRequest,
  type WebSessionStart,
  type WebSessionStatusRequest,
} from "@/lib/licensing-api/contract";
import { portalUrl, type VerifiedLaunch } from "@/app/(webapp)/_stand-in/launch-token-verifier";

export type SeatAnswer =
  | { state: "kept"; expiresAt: string }
  /** 410: the hour passed and a colleague took the seat, or it was released. */
  | { state: "lapsed" }
  /** 403/404: the license was revoked or expired (R18), the membership ended, or the seat is unknown. */
  | { state: "ended" }
  /** 401: the user signed out of the portal (or everywhere); the seat was given back. */
  | { state: "signed-out" }
  /** The portal could not be reached: try again at the next heartbeat. */
  | { state: "unavailable" };

/** What the stand-in's own heartbeat route tells its tab (seat-keeper.tsx). */
export type HeartbeatAnswer =
  { state: "kept"; expiresAt: string; expiresAtText: string } | { state: "none" | "lapsed" | "ended" | "signed-out" | "unavailable" };

function seatOf(launch: VerifiedLaunch): WebSessionRequest | null {
  return launch.lease ? { leaseId: launch.lease.id, browserSessionId: launch.browserSessionId } : null;
}

async function callPortal(
  method: "POST" | "DELETE",
  path: string,
  body: WebSessionRequest | WebSessionStart | WebSessionStatusRequest,
): Promise<Response | null> {
  try {
    return await fetch(new URL(path, `${portalUrl()}/`), {
      method,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    console.error(`Stand-in web application: ${method} ${path} failed`, error);
    return null;
  }
}

/** Redeems the launch token with the portal; false when it was used before (or is not valid). */
export async function redeemLaunchToken(launchToken: string): Promise<boolean> {
  const response = await callPortal("POST", "/api/v1/web-sessions", { launchToken });
  return response?.status === 201;
}

/** Whether the user who opened the software is still signed in to the portal; unknown counts as no. */
export async function isSignedInAtPortal(launch: VerifiedLaunch): Promise<boolean> {
  const response = await callPortal("POST", "/api/v1/web-sessions/status", { browserSessionId: launch.browserSessionId });
  return response?.status === 204;
}

export async function keepSeat(launch: VerifiedLaunch): Promise<SeatAnswer | null> {
  const seat = seatOf(launch);
  if (!seat) return null;
  const response = await callPortal("POST", "/api/v1/web-sessions/heartbeat", seat);
  if (!response) return { state: "unavailable" };
  if (response.ok) {
    const kept = WebSessionHeartbeatResponse.safeParse(await response.json().catch(() => null));
    return kept.success ? { state: "kept", expiresAt: kept.data.expiresAt } : { state: "unavailable" };
  }
  const problem = Problem.safeParse(await response.json().catch(() => null));
  const code = problem.success ? problem.data.code : null;
  if (code === "LEASE_EXPIRED") return { state: "lapsed" };
  if (code === "UNAUTHENTICATED") return { state: "signed-out" };
  if (code === "NOT_ASSIGNED" || code === "LICENSE_NOT_VALID" || code === "FORBIDDEN" || code === "NOT_FOUND") return { state: "ended" };
  return { state: "unavailable" };
}

/** Frees the seat, if the session holds one; true when the portal confirmed (or it was already free). */
export async function freeSeat(launch: VerifiedLaunch): Promise<boolean> {
  const seat = seatOf(launch);
  if (!seat) return true;
  const response = await callPortal("DELETE", "/api/v1/web-sessions", seat);
  return response !== null && (response.status === 204 || response.status === 404);
}
