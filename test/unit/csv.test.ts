import { describe, expect, it } from "vitest";
import { csvLine, csvResponse, type CsvRow } from "../../app/utils/csv.server";

const decoder = new TextDecoder();

async function bodyText(response: Response): Promise<string> {
  return decoder.decode(new Uint8Array(await response.arrayBuffer()));
}

describe("csvLine", () => {
  it("ends every record with CRLF and leaves plain fields bare", () => {
    expect(csvLine(["a", "b c", "é"])).toBe("a,b c,é\r\n");
    expect(csvLine([])).toBe("\r\n");
  });

  it("quotes fields with a comma, a quote, CR or LF, doubling the quotes (RFC 4180)", () => {
    expect(csvLine(["a,b"])).toBe('"a,b"\r\n');
    expect(csvLine(['say "hi"'])).toBe('"say ""hi"""\r\n');
    expect(csvLine(["two\nlines", "cr\rhere", "both\r\n"])).toBe('"two\nlines","cr\rhere","both\r\n"\r\n');
    expect(csvLine(['"'])).toBe('""""\r\n');
  });

  it("writes null as an empty field", () => {
    expect(csvLine([null, "x", null])).toBe(",x,\r\n");
  });

  it("writes numbers as themselves, negative ones included", () => {
    expect(csvLine([0, -3, 1234.5, 0.905, -0])).toBe("0,-3,1234.5,0.905,0\r\n");
    expect(csvLine([Number.NaN, Number.POSITIVE_INFINITY])).toBe(",\r\n");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvLine(["=SUM(A1:A2)"])).toBe("'=SUM(A1:A2)\r\n");
    expect(csvLine(["+1", "-3", "@cmd"])).toBe("'+1,'-3,'@cmd\r\n");
    expect(csvLine(["\tx"])).toBe("'\tx\r\n");
    expect(csvLine(["\rx"])).toBe('"\'\rx"\r\n');
    expect(csvLine(['=HYPERLINK("http://x","y")'])).toBe('"\'=HYPERLINK(""http://x"",""y"")"\r\n');
    expect(csvLine(["a=b", "x-1", "<5"])).toBe("a=b,x-1,<5\r\n");
  });
});

describe("csvResponse", () => {
  it("is a CSV attachment that no cache keeps", () => {
    const response = csvResponse("report.csv", []);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="report.csv"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it.each([
    ['rapport "T1" 2026/été.csv', "rapport_T1_2026_t_.csv"],
    ["../../etc/passwd", "etc_passwd.csv"],
    ["a\r\nSet-Cookie: x=1", "a_Set-Cookie_x_1.csv"],
    ["", "export.csv"],
    ["2026-Q1.CSV", "2026-Q1.CSV"],
  ])("names %j as %j", (name, safe) => {
    expect(csvResponse(name, []).headers.get("Content-Disposition")).toBe(`attachment; filename="${safe}"`);
  });

  it("starts with a UTF-8 byte-order mark unless told not to", async () => {
    const rows: CsvRow[] = [
      ["Région", "Reçues"],
      ["Nord", 12],
    ];
    const bytes = new Uint8Array(await csvResponse("r.csv", rows).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decoder.decode(bytes.slice(3))).toBe("Région,Reçues\r\nNord,12\r\n");
    const plain = new Uint8Array(await csvResponse("r.csv", rows, { bom: false }).arrayBuffer());
    expect(plain[0]).toBe("R".charCodeAt(0));
  });

  it("sends just the byte-order mark for no rows", async () => {
    expect(await bodyText(csvResponse("r.csv", []))).toBe("");
    expect([...new Uint8Array(await csvResponse("r.csv", []).arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("takes async generators as well as arrays", async () => {
    async function* rows() {
      yield ["a", 1] as const;
      yield ["b", null] as const;
    }
    expect(await bodyText(csvResponse("r.csv", rows(), { bom: false }))).toBe("a,1\r\nb,\r\n");
  });

  it("streams 200,000 rows chunk by chunk, pulling them only as the body is read", async () => {
    const total = 200_000;
    let yielded = 0;
    async function* rows() {
      for (let i = 0; i < total; i++) {
        yielded++;
        yield [i, `case ${i}`, i % 2 ? "=x" : null] as const;
      }
    }
    const reader = csvResponse("big.csv", rows(), { bom: false }).body!.getReader();

    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(decoder.decode(first.value).split("\r\n")[0]).toBe("0,case 0,");
    // One chunk read: at most the chunk itself, the one queued behind it, and one being built.
    expect(yielded).toBeLessThanOrEqual(3 * 200);

    let lines = count(decoder.decode(first.value));
    let chunks = 1;
    let last = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      last = decoder.decode(value);
      lines += count(last);
      expect(yielded - lines).toBeLessThanOrEqual(2 * 200); // never runs far ahead of the reader
    }
    expect(lines).toBe(total);
    expect(chunks).toBe(total / 200);
    expect(last.endsWith(`199999,case 199999,'=x\r\n`)).toBe(true);

    function count(text: string) {
      return text.split("\r\n").length - 1;
    }
  });

  it("runs the rows' finally block when the reader cancels", async () => {
    let yielded = 0;
    let closed = false;
    async function* rows() {
      try {
        for (let i = 0; ; i++) {
          yielded++;
          yield [i];
        }
      } finally {
        closed = true;
      }
    }
    const reader = csvResponse("r.csv", rows()).body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
    expect(yielded).toBeLessThanOrEqual(3 * 200);
  });

  it("closes a synchronous generator too", async () => {
    let closed = false;
    function* rows() {
      try {
        for (let i = 0; ; i++) yield [i];
      } finally {
        closed = true;
      }
    }
    const reader = csvResponse("r.csv", rows()).body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });

  it("stops and closes the rows when the request is aborted (the client went away)", async () => {
    let closed = false;
    async function* rows() {
      try {
        for (let i = 0; ; i++) yield [i];
      } finally {
        closed = true;
      }
    }
    const abort = new AbortController();
    const reader = csvResponse("r.csv", rows(), { signal: abort.signal }).body!.getReader();
    await reader.read();
    abort.abort();
    for (let i = 0; i < 5; i++) {
      if ((await reader.read()).done) break;
    }
    expect((await reader.read()).done).toBe(true);
    expect(closed).toBe(true);
  });

  it("passes an error from the rows on to the reader", async () => {
    async function* rows() {
      yield ["ok"];
      throw new Error("database gone");
    }
    await expect(csvResponse("r.csv", rows()).text()).rejects.toThrow("database gone");
  });
});
