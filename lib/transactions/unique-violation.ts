// Unique violations by name, in the shapes the driver adapter reports them (decision 002).
import { Prisma } from "@prisma/client";

type DriverAdapterCause = {
  kind?: string;
  originalMessage?: string;
  constraint?: { index?: string; name?: string; fields?: string[] };
};

/** With `constraintName`, only that constraint or index (partial indexes are named in the message only). */
export function isUniqueViolation(error: unknown, constraintName?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (constraintName === undefined) return true;
  const cause = (error.meta?.driverAdapterError as { cause?: DriverAdapterCause } | undefined)?.cause;
  const reportedName = cause?.constraint?.index ?? cause?.constraint?.name;
  if (reportedName === constraintName) return true;
  return cause?.originalMessage?.includes(`"${constraintName}"`) ?? false;
}
