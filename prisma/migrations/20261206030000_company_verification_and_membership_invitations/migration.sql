-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "MembershipInvitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MembershipInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MembershipInvitation_tokenHash_key" ON "MembershipInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "MembershipInvitation_companyId_email_idx" ON "MembershipInvitation"("companyId", "email");

-- AddForeignKey
ALTER TABLE "MembershipInvitation" ADD CONSTRAINT "MembershipInvitation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipInvitation" ADD CONSTRAINT "MembershipInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill (decision 016): a company is verified when the vendor knows it — created by staff
-- (every company not created through the shop's checkout) or with an invoice already paid.
UPDATE "Company" c
SET "verifiedAt" = COALESCE(
  (SELECT min(o."invoicePaidAt") FROM "Order" o WHERE o."companyId" = c."id" AND o."invoicePaidAt" IS NOT NULL),
  c."createdAt")
WHERE EXISTS (SELECT 1 FROM "Order" o WHERE o."companyId" = c."id" AND o."invoicePaidAt" IS NOT NULL)
   OR NOT EXISTS (
     SELECT 1 FROM "AuditEvent" e
     WHERE e."companyId" = c."id" AND e."action" = 'company.created' AND e."data"->>'via' = 'shop');
