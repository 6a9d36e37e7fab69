import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";
import { getOrderForViewer, type ViewedOrder } from "@/lib/shop/get-order-for-viewer";
import { requireSessionUser } from "@/app/session";

/** The order for its buyer and its company's admins; anyone else, and a missing order, get the same 404 (R28). */
export async function loadOrder(orderId: string): Promise<ViewedOrder> {
  const user = await requireSessionUser();
  try {
    return await getOrderForViewer({ actor: user, orderId });
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
