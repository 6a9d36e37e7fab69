// Products are launched at /launch/<slug>, the slug being the product code in kebab case.

/** PROFIS_ENGINEERING → profis-engineering. */
export function launchSlug(productCode: string): string {
  return productCode.toLowerCase().replaceAll("_", "-");
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** profis-engineering → PROFIS_ENGINEERING; null for anything that is not a slug. */
export function productCodeOfSlug(slug: string): string | null {
  return slug.length <= 64 && SLUG_PATTERN.test(slug) ? slug.toUpperCase().replaceAll("-", "_") : null;
}

export function launchPath(productCode: string): string {
  return `/launch/${launchSlug(productCode)}`;
}
