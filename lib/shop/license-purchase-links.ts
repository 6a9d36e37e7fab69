// Which purchase a license offers on the group page (R6): "Buy 1 more seat" when its column is full,
// "Extend one year" always; Enterprise goes through sales instead.
import type { GridLicense } from "@/lib/assignments/license-group-grid";
import { isFull } from "@/lib/licenses/seat-counts";
import { findCatalogueProduct, isSoldBySalesOnly } from "@/lib/shop/catalogue";
import { checkoutHref } from "@/lib/shop/checkout-line";

type LicenseForPurchase = Pick<
  GridLicense,
  "id" | "productCode" | "edition" | "type" | "seats" | "assignedCount" | "seatHolders" | "isExpired"
>;

export function isLicenseFull(license: Pick<LicenseForPurchase, "type" | "seats" | "assignedCount" | "seatHolders">): boolean {
  return isFull({ type: license.type, seats: license.seats, assigned: license.assignedCount, inUseNow: license.seatHolders.length });
}

type LicensePurchaseLinks =
  | { salesOnly: true }
  | {
      salesOnly: false;
      /** One more seat; a node-locked license is one machine, so "one more" is another license like it. */
      oneMoreSeat: { href: string; isNewLicense: boolean } | null;
      extendOneYear: string;
    };

export function licensePurchaseLinks(license: LicenseForPurchase, options: { onlyWhenFull: boolean }): LicensePurchaseLinks {
  if (isSoldBySalesOnly(license.edition)) return { salesOnly: true };
  const canAddSeat = !license.isExpired && (!options.onlyWhenFull || isLicenseFull(license));
  const productCode = findCatalogueProduct(license.productCode)?.code;
  let oneMoreSeat: { href: string; isNewLicense: boolean } | null = null;
  if (canAddSeat && license.type !== "NODE_LOCKED")
    oneMoreSeat = { href: checkoutHref({ kind: "ADD_SEATS", licenseId: license.id, seats: 1 }), isNewLicense: false };
  else if (canAddSeat && productCode) {
    oneMoreSeat = {
      href: checkoutHref({ kind: "NEW_LICENSE", productCode, edition: license.edition, type: license.type, seats: 1 }),
      isNewLicense: true,
    };
  }
  return { salesOnly: false, oneMoreSeat, extendOneYear: checkoutHref({ kind: "RENEWAL", licenseId: license.id }) };
}
