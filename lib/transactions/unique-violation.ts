// Unique constraints and partial unique indexes are the last line of defence of several
// invariants (R16, R3, R25); their violations are mapped to domain errors by name.
import { Prisma } from "@prisma/client";

type DriverAdapterCause = {
  kind?: string;
  originalMessage?: string;
  constraint?: { index?: string; name?: string; fields?: string[] };
};

/**
 * True when `error` is a unique violation, and when `constraintName` is given, a violation of
 * that constraint or index (the driver adapter reports partial indexes by name only in the message).
 */
export function isUniqueViolation(error: unknown, constraintName?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (constraintName === undefined) return true;
  const cause = (error.meta?.driverAdapterError as { cause?: DriverAdapterCause } | undefined)?.cause;
  const reportedName = cause?.constraint?.index ?? cause?.constraint?.name;
  if (reportedName === constraintName) return true;
  return cause?.originalMessage?.includes(`"${constraintName}"`) ?? false;
}
