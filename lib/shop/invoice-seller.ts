// Decision 021: the seller every invoice names, from the environment (SELLER_* in README.md).
import "server-only";
import { env } from "@/lib/env";

export type InvoiceSeller = { name: string; addressLines: string[]; vatNumber: string; iban: string };

export function invoiceSeller(): InvoiceSeller {
  const config = env();
  return {
    name: config.SELLER_NAME,
    addressLines: config.SELLER_ADDRESS.split(";")
      .map((line) => line.trim())
      .filter(Boolean),
    vatNumber: config.SELLER_VAT_NUMBER,
    iban: config.SELLER_IBAN,
  };
}
