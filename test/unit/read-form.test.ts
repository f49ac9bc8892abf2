import { describe, expect, it } from "vitest";
import { readForm } from "../../app/utils/read-form.server";
import { readFormWithUpload } from "../../app/utils/multipart.server";

// NUL characters never reach the database: PostgreSQL refuses them in text, and a name or a note
// must be stored the same on either database.
describe("reading a submitted form", () => {
  it("takes NUL characters out of every text value, keeping the rest", async () => {
    const body = new URLSearchParams({ name: "Jo\u0000rdan", note: "\u0000\u0000", plain: "Lee" });
    const form = await readForm(new Request("http://localhost/file", { method: "POST", body }));
    expect(form.get("name")).toBe("Jordan");
    expect(form.get("note")).toBe("");
    expect(form.get("plain")).toBe("Lee");
  });

  it("takes them out of an uploaded file's name too, but not out of its bytes", async () => {
    const upload = new FormData();
    upload.append("message", "see\u0000 attached");
    upload.append(
      "attachment",
      new File([new Uint8Array([0, 1, 0, 2])], "letter\u0000.pdf", { type: "application/pdf" }),
    );
    const { formData, file } = await readFormWithUpload(
      new Request("http://localhost/status", { method: "POST", body: upload }),
    );
    expect(formData.get("message")).toBe("see attached");
    expect(file?.name).toBe("letter.pdf");
    expect([...(file?.bytes ?? [])]).toEqual([0, 1, 0, 2]);
  });
});
