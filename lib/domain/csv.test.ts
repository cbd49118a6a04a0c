import { describe, expect, it } from "vitest";
import { cellText, defuseFormula, quoteField, toCsv, type CsvCell } from "./csv";

/**
 * Minimal strict RFC 4180 reader, independent of the writer: CRLF-terminated records, quoted
 * fields with doubled quotes. Throws on anything the RFC does not allow (a bare LF outside
 * quotes, a quote inside an unquoted field, text after a closing quote).
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else {
          field += text[i];
          i += 1;
        }
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n") throw new Error(`illegal character at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ",") {
      i += 1;
    } else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`expected separator at ${i}`);
    }
  }
  if (record.length > 0) throw new Error("last record not terminated by CRLF");
  return records;
}

describe("parseCsv (test helper)", () => {
  it("reads quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b,""c""\r\nd"\r\n')).toEqual([["a", 'b,"c"\r\nd']]);
  });
  it("rejects a bare LF line ending", () => {
    expect(() => parseCsv("a,b\n")).toThrow();
  });
});

describe("cellText", () => {
  it.each<[string, CsvCell, string]>([
    ["null", null, ""],
    ["undefined", undefined, ""],
    ["a plain string", "Payments API", "Payments API"],
    ["an integer", 42, "42"],
    ["a negative number stays a number", -3, "-3"],
    ["a decimal", 0.25, "0.25"],
    ["negative zero", -0, "0"],
    ["NaN", Number.NaN, ""],
    ["Infinity", Number.POSITIVE_INFINITY, ""],
    ["a Date as ISO 8601 UTC", new Date(Date.UTC(2026, 9, 1, 8, 30)), "2026-10-01T08:30:00.000Z"],
    ["an invalid Date", new Date(Number.NaN), ""],
    ["an empty string", "", ""],
  ])("%s", (_label, cell, expected) => {
    expect(cellText(cell)).toBe(expected);
  });
});

describe("defuseFormula", () => {
  it.each<[string, string]>([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "'\rCR"],
    ["a=b", "a=b"],
    [" =1", " =1"],
    ["'quoted", "'quoted"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(defuseFormula(input)).toBe(expected);
  });
});

describe("quoteField", () => {
  it.each<[string, string]>([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
    ["semi;colon", "semi;colon"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(quoteField(input)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("writes a header-only file for no rows, CRLF-terminated", () => {
    expect(toCsv(["service", "level"], [])).toBe("service,level\r\n");
  });

  it("writes CRLF between and after records", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          [1, "x"],
          [2, null],
        ],
      ),
    ).toBe("a,b\r\n1,x\r\n2,\r\n");
  });

  it("quotes only when needed and doubles quotes", () => {
    expect(toCsv(["name", "note"], [['Team "Core"', "a, b"]])).toBe('name,note\r\n"Team ""Core""","a, b"\r\n');
  });

  it("defuses formula text but leaves negative numbers alone", () => {
    expect(toCsv(["text", "number"], [["-5", -5]])).toBe("text,number\r\n'-5,-5\r\n");
  });

  it("defuses and then quotes a field that starts with CR", () => {
    expect(toCsv(["x"], [["\r=cmd"]])).toBe('x\r\n"\'\r=cmd"\r\n');
  });

  it("defuses headers too", () => {
    expect(toCsv(["=evil", "ok"], [])).toBe("'=evil,ok\r\n");
  });

  it("keeps a lone empty field as a record instead of a blank line", () => {
    expect(toCsv(["only"], [[null], [""]])).toBe('only\r\n""\r\n""\r\n');
    expect(parseCsv(toCsv(["only"], [[null]]))).toEqual([["only"], [""]]);
  });

  it("rejects rows whose width differs from the header", () => {
    expect(() => toCsv(["a", "b"], [[1]])).toThrow(/Row 1 has 1 fields, expected 2/);
    expect(() => toCsv(["a"], [[1], [1, 2]])).toThrow(/Row 2/);
  });

  it("rejects an empty header", () => {
    expect(() => toCsv([], [])).toThrow(RangeError);
  });

  it("round-trips awkward values through a strict parser", () => {
    const decidedAt = new Date(Date.UTC(2024, 1, 29, 23, 59, 59));
    const rows: CsvCell[][] = [
      ["Payments, EU", 3, decidedAt, null],
      ['He said "ship it"', -1.5, undefined, "multi\r\nline\nnote"],
      ['=HYPERLINK("http://x")', 0, "@SUM(1)", "+44 20 7946 0958"],
      ["", "", "\ttabbed", "ünïcødé ✓"],
    ];
    const parsed = parseCsv(toCsv(["service", "level", "decidedAt", "note"], rows));
    expect(parsed).toEqual([
      ["service", "level", "decidedAt", "note"],
      ["Payments, EU", "3", "2024-02-29T23:59:59.000Z", ""],
      ['He said "ship it"', "-1.5", "", "multi\r\nline\nnote"],
      ['\'=HYPERLINK("http://x")', "0", "'@SUM(1)", "'+44 20 7946 0958"],
      ["", "", "'\ttabbed", "ünïcødé ✓"],
    ]);
  });
});
