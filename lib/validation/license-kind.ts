import { LicenseEdition, LicenseType } from "@prisma/client";
import { z } from "zod";

export const LicenseTypeInput = z.enum(LicenseType, "invalid");

export const LicenseEditionInput = z.enum(LicenseEdition, "invalid");
