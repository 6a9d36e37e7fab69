import { describe, expect, it } from "vitest";
import { csvCell, csvRow, toCsv, UTF8_BOM } from "@/lib/csv/to-csv";

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

  it("writes dates as ISO 8601", () => {
    expect(csvCell(new Date("2026-04-01T08:00:00Z"))).toBe("2026-04-01T08:00:00.000Z");
  });

  it.each(["=SUM(A1:A9)", "+31 6 1234", "-2+3", "@cmd", "\t=1", "\r=1"])("guards %j against formula injection", (text) => {
    const cell = csvCell(text);
    expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("guards and quotes together", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it("keeps non-ASCII text (the BOM tells Excel it is UTF-8)", () => {
    expect(csvCell("José Müller")).toBe("José Müller");
  });
});

describe("toCsv", () => {
  it("starts with the UTF-8 BOM, ends every row with CRLF", () => {
    expect(toCsv(["name", "seats"], [["Zoë", 2], ["=evil", null]])).toBe(`${UTF8_BOM}name,seats\r\nZoë,2\r\n'=evil,\r\n`);
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"\r\n');
  });
});
