// What the download page offers of each desktop application; the installer is a placeholder text file, and
// a vendor replaces this table with its own releases.
import type { ProductCode } from "@/lib/products/ensure-product-catalogue";

export type DesktopRelease = {
  version: string;
  /** ISO date of the release. */
  releasedOn: string;
  /** Supported systems, shown as is (the vendor's own wording). */
  platform: string;
  fileName: string;
};

const releases: Partial<Record<ProductCode, DesktopRelease>> = {
  PROFIS_LAYOUT_OFFICE: {
    version: "2026.2",
    releasedOn: "2026-11-18",
    platform: "Windows 10 / 11 (64-bit)",
    fileName: "PROFIS-Layout-Office-2026.2-placeholder.txt",
  },
  PROFIS_DETECTION_OFFICE: {
    version: "2026.1",
    releasedOn: "2026-09-30",
    platform: "Windows 10 / 11 (64-bit)",
    fileName: "PROFIS-Detection-Office-2026.1-placeholder.txt",
  },
};

export function desktopRelease(productCode: string): DesktopRelease | null {
  return releases[productCode as ProductCode] ?? null;
}

export function placeholderInstaller(productName: string, release: DesktopRelease): string {
  return [
    `${productName} ${release.version} (${release.platform})`,
    "",
    "This file stands in for the installer on this demonstration portal.",
    "Dit bestand staat in dit demonstratieportaal voor het installatieprogramma.",
    "",
    "1. Install the software. / Installeer de software.",
    "2. Sign in with your portal email address and password. / Meld u aan met uw e-mailadres en wachtwoord van het portaal.",
    "3. Enter your activation key (license email, My software). / Voer uw activeringssleutel in (licentiemail, Mijn software).",
    "",
  ].join("\r\n");
}
