-- CreateEnum
CREATE TYPE "OrderLineKind" AS ENUM ('NEW_LICENSE', 'ADD_SEATS', 'RENEWAL');

-- AlterTable
ALTER TABLE "License" ADD COLUMN     "expiryReminderSentAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "handledAt" TIMESTAMPTZ(3),
ADD COLUMN     "handledById" UUID;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "kind" "OrderLineKind" NOT NULL DEFAULT 'NEW_LICENSE';

-- CreateIndex
CREATE INDEX "License_validUntil_idx" ON "License"("validUntil");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

