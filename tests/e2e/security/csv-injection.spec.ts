// CSV formula injection through the other separator (docs/SECURITY.md, decision 014). A member's
// name such as "Jan;=1+41;x" was written unquoted in the English (comma) export; Excel set to the
// Dutch list separator splits it on ";" and runs "=1+41" (and the reverse for the Dutch export).
// Both exports are downloaded over HTTP as the company's admin and read the way a spreadsheet
// would, with either separator: no cell may start a formula.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/demo";
import { seedSecurityCompany, withDatabase } from "../support/seed-security-company";

/**
 * The cells a spreadsheet makes of CSV text with this separator, as Excel reads it: a quote is a
 * text qualifier only at the start of a cell ("" inside is one quote; text after the closing quote
 * is kept), and CR, LF or CRLF outside quotes ends the row.
 */
function spreadsheetCells(csv: string, separator: "," | ";"): string[] {
  const cells: string[] = [];
  let index = csv.startsWith("\uFEFF") ? 1 : 0;
  while (index < csv.length) {
    let cell = "";
    if (csv[index] === '"') {
      index++;
      for (;;) {
        if (index >= csv.length) break;
        if (csv[index] === '"') {
          if (csv[index + 1] === '"') {
            cell += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        cell += csv[index++];
      }
    }
    while (index < csv.length && csv[index] !== separator && csv[index] !== "\r" && csv[index] !== "\n") cell += csv[index++];
    cells.push(cell);
    if (csv[index] === separator) index++;
    else if (csv[index] === "\r" && csv[index + 1] === "\n") index += 2;
    else index++;
  }
  return cells;
}

/** A cell a spreadsheet would evaluate: = + - @ first, after any leading whitespace. */
const isFormula = (cell: string) => /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);

async function download(page: Page, path: string, language: "nl" | "en"): Promise<string> {
  const cookies = (await page.context().cookies()).filter((cookie) => cookie.name !== "NEXT_LOCALE");
  const cookie = [...cookies.map((entry) => `${entry.name}=${entry.value}`), `NEXT_LOCALE=${language}`].join("; ");
  const response = await page.request.get(path, { headers: { cookie } });
  expect(response.status(), `${path} in ${language}`).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.body());
}

test("the grid and audit exports quote both separators and guard every cell, read with either separator", async ({ page }) => {
  const seeded = await seedSecurityCompany({
    people: [
      { firstName: "Jan;=1+41;x", lastName: "Kwaad,=2+2,y", position: "@SUM(1)" },
      { firstName: " =3+3", lastName: "\t-4+4", position: "Baas\n=5+5" },
      { firstName: "Eva", lastName: "de Vries", position: "Tekenaar" },
    ],
  });
  const [evil] = seeded.personIds;
  const [license] = seeded.licenseIds;
  await withDatabase(async (client) => {
    await client.query(`INSERT INTO "Assignment" ("licenseId", "userId", "assignedById") VALUES ($1, $2, NULL)`, [license, evil]);
    await client.query(
      `INSERT INTO "AuditEvent" ("action", "companyId", "actorId", "subjectUserId", "licenseId", "data") VALUES ('assignment.granted', $1, $2, $2, $3, $4)`,
      [seeded.companyId, evil, license, JSON.stringify({ reason: "ok;=6+6,=7+7" })],
    );
  });
  await signIn(page, seeded.adminEmail);

  const exports = {
    grid: {
      nl: await download(page, `/software-management/${seeded.groupId}/export.csv`, "nl"),
      en: await download(page, `/software-management/${seeded.groupId}/export.csv`, "en"),
    },
    audit: {
      nl: await download(page, "/software-management/audit/export.csv", "nl"),
      en: await download(page, "/software-management/audit/export.csv", "en"),
    },
  };

  // The raw bytes: a cell holding either separator is quoted, whichever separator the file uses,
  // and every piece that a separator or a line break could make a cell of starts with an apostrophe.
  expect(exports.grid.en).toContain(`\r\n"Kwaad,'=2+2,y","Jan;'=1+41;x",`);
  expect(exports.grid.nl).toContain(`\r\n"Kwaad,'=2+2,y";"Jan;'=1+41;x";`);
  expect(exports.grid.en).toContain(`\r\n'\t-4+4,' =3+3,`);
  expect(exports.grid.en).toContain(`"Baas\n'=5+5"`);
  expect(exports.grid.nl).toContain(`;'@SUM(1);`);
  expect(exports.audit.en).toContain(`"ok;'=6+6,'=7+7"`);
  expect(exports.audit.nl).toContain(`"ok;'=6+6,'=7+7"`);

  for (const [name, languages] of Object.entries(exports)) {
    for (const [language, csv] of Object.entries(languages)) {
      expect(csv.startsWith("\uFEFF"), `${name} ${language} starts with the BOM`).toBe(true);
      // Opened with the separator of its language and with the other one (another region's Excel).
      for (const separator of [",", ";"] as const) {
        const formulas = spreadsheetCells(csv, separator).filter(isFormula);
        expect(formulas, `${name} export in ${language}, read with "${separator}"`).toEqual([]);
      }
    }
  }
  // Read as intended, the names come back whole (behind the guard's apostrophe).
  expect(spreadsheetCells(exports.grid.en, ",")).toEqual(expect.arrayContaining(["Jan;'=1+41;x", "Kwaad,'=2+2,y", "'@SUM(1)"]));
  expect(spreadsheetCells(exports.grid.nl, ";")).toEqual(expect.arrayContaining(["Jan;'=1+41;x", "Kwaad,'=2+2,y", "Baas\n'=5+5"]));
});
