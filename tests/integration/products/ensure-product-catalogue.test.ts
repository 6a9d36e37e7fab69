import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { DEFAULT_ENGINEERING_LAUNCH_URL, ensureProductCatalogue } from "@/lib/products/ensure-product-catalogue";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

test("creates the manual's three products: one web application and two desktop applications", async () => {
  const products = await ensureProductCatalogue();
  expect(products.PROFIS_ENGINEERING).toMatchObject({ name: "PROFIS Engineering", kind: "WEB", launchUrl: DEFAULT_ENGINEERING_LAUNCH_URL });
  expect(products.PROFIS_LAYOUT_OFFICE).toMatchObject({ kind: "DESKTOP", launchUrl: null });
  expect(products.PROFIS_LAYOUT_OFFICE.downloadUrl).toBeTruthy();
  expect(products.PROFIS_DETECTION_OFFICE).toMatchObject({ kind: "DESKTOP" });
  expect(await db().product.count()).toBe(3);
});

test("running again (every start, two instances at once) keeps one row per product and leaves edits alone", async () => {
  await ensureProductCatalogue();
  await db().product.update({ where: { code: "PROFIS_ENGINEERING" }, data: { launchUrl: "https://engineering.example/app" } });
  await Promise.all([ensureProductCatalogue(), ensureProductCatalogue({ engineeringLaunchUrl: "https://other.example" })]);
  expect(await db().product.count()).toBe(3);
  expect((await db().product.findUniqueOrThrow({ where: { code: "PROFIS_ENGINEERING" } })).launchUrl).toBe(
    "https://engineering.example/app",
  );
});
