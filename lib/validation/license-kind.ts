import { LicenseEdition, LicenseType } from "@prisma/client";
import { z } from "zod";

/** A license type (named user, floating, node-locked…) as a form or API sends it. */
export const LicenseTypeInput = z.enum(LicenseType);

/** A license edition as a form or API sends it. */
export const LicenseEditionInput = z.enum(LicenseEdition);
