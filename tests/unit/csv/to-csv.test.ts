import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, csvRow, csvSeparatorFor, toCsv, UTF8_BOM } from "@/lib/csv/to-csv";

describe("csvCell (RFC 4180)", () => {
  it("writes plain text, numbers, booleans and empty values as they are", () => {
    expect(csvCell("Jan Jansen")).toBe("Jan Jansen");
    expect(csvCell(5)).toBe("5");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("Jansen, Jan")).toBe('"Jansen, Jan"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("quotes either separator whatever the file's separator is: another region's Excel may open it", () => {
    expect(csvCell("Jansen; Jan")).toBe('"Jansen; Jan"');
    expect(csvCell("Jansen, Jan")).toBe('"Jansen, Jan"');
    expect(csvRow(["Jansen; Jan", "x"], ",")).toBe('"Jansen; Jan",x\r\n');
    expect(csvRow(["Jansen, Jan", "x"], ";")).toBe('"Jansen, Jan";x\r\n');
    expect(csvCell('say "hi"; bye')).toBe('"say ""hi""; bye"');
  });

  it("writes dates as ISO 8601", () => {
    expect(csvCell(new Date("2026-04-01T08:00:00Z"))).toBe("2026-04-01T08:00:00.000Z");
  });

  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+31 6 1234", "'+31 6 1234"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\tJan", "'\tJan"],
    ["\r=1", `"'\r'=1"`],
    ["\n=1", `"'\n'=1"`],
    [" =1+1", "' =1+1"],
    ["\u00A0\u3000+1", "'\u00A0\u3000+1"],
    ["\uFF1D1+1", "'\uFF1D1+1"],
    ["\uFEFF@x", "'\uFEFF@x"],
  ])("guards the start of %j", (text, guarded) => {
    expect(csvCell(text)).toBe(guarded);
  });

  // Decision 014: an Excel of the other region cuts the cell at its separator; the quote
  // that opens our cell is not at the start of *its* cell, so each piece must be safe on its own.
  it.each([
    ["Jan;=1+41;x", `"Jan;'=1+41;x"`],
    ["Kwaad,=2+2,y", `"Kwaad,'=2+2,y"`],
    ["a; -1", `"a;' -1"`],
    ["a;\t@x", `"a;'\t@x"`],
    ["Baas\n=5+5", `"Baas\n'=5+5"`],
    ["a\r\n+1", `"a\r\n'+1"`],
    ["a;\n=1", `"a;\n'=1"`],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
  ])("guards every piece of %j that a separator or line break could start", (text, guarded) => {
    expect(csvCell(text)).toBe(guarded);
  });

  it("guards only where a cell could start, not a sign inside a word", () => {
    expect(csvCell("Jan-Willem")).toBe("Jan-Willem");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("jan@example.com")).toBe("jan@example.com");
    expect(csvCell("a;b")).toBe('"a;b"');
  });

  it("guards and quotes together", () => {
    expect(csvCell("=1;2")).toBe(`"'=1;2"`);
  });

  it("keeps non-ASCII text (the BOM tells Excel it is UTF-8)", () => {
    expect(csvCell("José Müller")).toBe("José Müller");
  });
});

describe("csvSeparatorFor", () => {
  it("gives Dutch readers a semicolon (their Excel's list separator) and English readers a comma", () => {
    expect(csvSeparatorFor("nl")).toBe(";");
    expect(csvSeparatorFor("en")).toBe(",");
  });
});

describe("csvFileName", () => {
  const date = new Date("2026-11-28T23:30:00Z");
  it("ends with the date (UTC) and .csv", () => {
    expect(csvFileName("audit-log", date)).toBe("audit-log-2026-11-28.csv");
  });
  it("reduces the stem to safe characters for the Content-Disposition header", () => {
    expect(csvFileName("Licentiegroep 1", date)).toBe("Licentiegroep-1-2026-11-28.csv");
    expect(csvFileName('Groep "Zuid" / België', date)).toBe("Groep-Zuid-Belgi-2026-11-28.csv");
    expect(csvFileName("ñ", date)).toBe("export-2026-11-28.csv");
  });
});

describe("toCsv", () => {
  it("starts with the UTF-8 BOM, ends every row with CRLF", () => {
    expect(
      toCsv(
        ["name", "seats"],
        [
          ["Zoë", 2],
          ["=evil", null],
        ],
      ),
    ).toBe(`${UTF8_BOM}name,seats\r\nZoë,2\r\n'=evil,\r\n`);
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"\r\n');
  });

  it("separates with semicolons for Dutch Excel, quoting what contains either separator", () => {
    expect(
      toCsv(
        ["naam", "licenties"],
        [
          ["Jansen; Jan", 2],
          ["de Vries, Anna", null],
          ["@SUM(1)", 0],
        ],
        ";",
      ),
    ).toBe(`${UTF8_BOM}naam;licenties\r\n"Jansen; Jan";2\r\n"de Vries, Anna";\r\n'@SUM(1);0\r\n`);
    expect(csvRow(["a", "b;c", "d,e"], ";")).toBe('a;"b;c";"d,e"\r\n');
  });
});
