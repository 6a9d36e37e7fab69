// The checkout's one line in the address (/shop/checkout?…), written by "Buy" and the group page's links:
// what to buy, never a price.
import { OrderLineInput } from "@/lib/shop/order-input";

export type CheckoutSearchParams = Record<string, string | string[] | undefined>;

function single(params: CheckoutSearchParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The line named by the address, or null when it names nothing the shop understands. */
export function checkoutLineFromSearchParams(params: CheckoutSearchParams): OrderLineInput | null {
  const kind = single(params, "kind") ?? "NEW_LICENSE";
  const seats = Number(single(params, "seats") ?? "1");
  const candidate =
    kind === "NEW_LICENSE"
      ? { kind, productCode: single(params, "product"), edition: single(params, "edition"), type: single(params, "type"), seats }
      : kind === "ADD_SEATS"
        ? { kind, licenseId: single(params, "license"), seats }
        : { kind, licenseId: single(params, "license") };
  const parsed = OrderLineInput.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export function checkoutHref(line: OrderLineInput): string {
  const params = new URLSearchParams({ kind: line.kind });
  if (line.kind === "NEW_LICENSE") {
    params.set("product", line.productCode);
    params.set("edition", line.edition);
    params.set("type", line.type);
    params.set("seats", String(line.seats));
  } else {
    params.set("license", line.licenseId);
    if (line.kind === "ADD_SEATS") params.set("seats", String(line.seats));
  }
  return `/shop/checkout?${params.toString()}`;
}
