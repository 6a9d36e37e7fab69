import { getFormatter } from "next-intl/server";
import { keepSeat, type HeartbeatAnswer } from "@/app/(webapp)/_stand-in/portal-client";
import { endStandInSession, readStandInSession, standInProduct } from "@/app/(webapp)/_stand-in/stand-in-session";

// The stand-in's tab calls this while it is in use (seat-keeper.tsx); the stand-in's server asks
// the portal to keep the seat (POST /api/v1/web-sessions/heartbeat) and ends its own session when
// the seat is gone.
export async function POST(_request: Request, { params }: { params: Promise<{ product: string }> }): Promise<Response> {
  const product = standInProduct((await params).product);
  const launch = product ? await readStandInSession(product) : null;
  if (!product || !launch) return answer({ state: "signed-out" });
  const seat = await keepSeat(launch);
  if (!seat) return answer({ state: "none" });
  if (seat.state === "lapsed" || seat.state === "ended" || seat.state === "signed-out") await endStandInSession(product);
  if (seat.state !== "kept") return answer(seat);
  const format = await getFormatter({ locale: launch.locale });
  return answer({ ...seat, expiresAtText: format.dateTime(new Date(seat.expiresAt), { timeStyle: "short" }) });
}

function answer(body: HeartbeatAnswer): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
