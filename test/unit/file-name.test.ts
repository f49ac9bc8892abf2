import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extensionOfMime, safeFileName } from "../../app/domain/file-type";

// Issue #15: a download is named from what the file was detected as, never from the uploader's
// extension, so a browser or a desktop never opens a PDF/HTML polyglot as a page, or a PNG as SVG.

describe("safeFileName", () => {
  it("ends every name with the detected type's extension (or its accepted spelling), with no path or control character", () => {
    const extensions = ["pdf", "png", "jpg", "gif", "webp", "doc", "docx", "xlsx", "pptx"];
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(...extensions), (name, extension) => {
        const safe = safeFileName(name, extension);
        const given = safe.slice(safe.lastIndexOf(".") + 1);
        const allowed =
          extension === "jpg" ? ["jpg", "jpeg"] : extension === "doc" ? ["doc", "xls", "ppt", "msg"] : [extension];
        expect(allowed).toContain(given);
        expect(safe).not.toMatch(/[\\/\u0000-\u001f\u007f";]/);
      }),
      { numRuns: 2000 },
    );
  });

  it("replaces a misleading extension and keeps an honest one", () => {
    expect(safeFileName("polyglot.html", "pdf")).toBe("polyglot.pdf");
    expect(safeFileName("drawing.svg", "png")).toBe("drawing.png");
    expect(safeFileName("C:\\\\Users\\\\me\\\\letter.docx", "docx")).toBe("letter.docx");
    expect(safeFileName("photo.JPEG", "jpg")).toBe("photo.jpeg");
    expect(safeFileName("budget.xls", "doc")).toBe("budget.xls");
    expect(safeFileName("notes", "pdf")).toBe("notes.pdf");
    expect(safeFileName("", "png")).toBe("attachment.png");
    expect(extensionOfMime("image/png")).toBe("png");
    expect(extensionOfMime("text/html")).toBeNull();
  });
});
