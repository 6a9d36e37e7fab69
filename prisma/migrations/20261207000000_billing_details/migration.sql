-- Issue 14 item 12 (decision 021): the checkout takes a billing address and an optional
-- purchase-order number; each order gets an invoice number of one sequence. Existing orders are
-- numbered in the order they were placed; they keep no address (they were placed without one).
ALTER TABLE "Company" ADD COLUMN "billingAttention" TEXT,
ADD COLUMN "billingCity" TEXT,
ADD COLUMN "billingPostalCode" TEXT,
ADD COLUMN "billingStreet" TEXT;

ALTER TABLE "Order" ADD COLUMN "billingAttention" TEXT,
ADD COLUMN "billingCity" TEXT,
ADD COLUMN "billingCountry" CHAR(2),
ADD COLUMN "billingName" TEXT,
ADD COLUMN "billingPostalCode" TEXT,
ADD COLUMN "billingStreet" TEXT,
ADD COLUMN "billingVatNumber" TEXT,
ADD COLUMN "purchaseOrderNumber" TEXT,
ADD COLUMN "invoiceNumber" INTEGER;

CREATE SEQUENCE "Order_invoiceNumber_seq" AS INTEGER OWNED BY "Order"."invoiceNumber";
UPDATE "Order" SET "invoiceNumber" = numbered.n
  FROM (SELECT "id", nextval('"Order_invoiceNumber_seq"') AS n FROM "Order" ORDER BY "createdAt", "id") AS numbered
  WHERE "Order"."id" = numbered."id";
ALTER TABLE "Order" ALTER COLUMN "invoiceNumber" SET DEFAULT nextval('"Order_invoiceNumber_seq"'),
ALTER COLUMN "invoiceNumber" SET NOT NULL;

CREATE UNIQUE INDEX "Order_invoiceNumber_key" ON "Order"("invoiceNumber");
