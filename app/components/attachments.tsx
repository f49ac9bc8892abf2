import { Form, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { MAX_ATTACHMENT_BYTES } from "../domain/file-type";
import { useT } from "../hooks/use-translation";
import type { FieldErrors } from "../utils/form";

/** The file types the server accepts (domain/file-type.ts), offered first by the browser's picker. */
export const ATTACHMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx";

export interface AttachmentItem {
  id: number;
  original_name: string;
  size_bytes: number;
  visibility: string;
}

/** The case's files (each a download) and a form to add one. */
export function Attachments(props: {
  items: AttachmentItem[];
  hrefFor: (id: number) => string;
  errors?: FieldErrors;
  done?: boolean;
  canShare?: boolean;
  reloadDocument?: boolean;
  /** False once the filer can no longer act on the case: the list stays, the form goes. */
  canUpload?: boolean;
}) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  // A file over the limit is refused here, before its megabytes travel; the server refuses it too
  // (beside the field up to twice the limit, with a plain 413 beyond), for a browser without scripts.
  const [tooBigHere, setTooBigHere] = useState(false);
  const error = tooBigHere ? { key: "error.fileTooBig" as const } : props.errors?.attachment;
  function refuseTooBig(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("attachment");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const tooBig = file !== undefined && file.size > MAX_ATTACHMENT_BYTES;
    setTooBigHere(tooBig);
    if (tooBig) event.preventDefault();
  }
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t("attach.title")}</h2>
      {props.items.length ? (
        <ul className="plain-list">
          {props.items.map((a) => (
            <li key={a.id}>
              <a href={props.hrefFor(a.id)} download>
                {a.original_name}
              </a>{" "}
              ({t("attach.size", { size: Math.max(1, Math.round(a.size_bytes / 1024)) })})
              {props.canShare && a.visibility === "internal" ? <> · {t("case.internal")}</> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("attach.none")}</p>
      )}
      {props.done ? (
        <p className="notice-success" role="status">
          {t("attach.done")}
        </p>
      ) : null}
      {props.canUpload === false ? null : (
        <Form
          method="post"
          encType="multipart/form-data"
          reloadDocument={props.reloadDocument}
          className="action-form"
          onSubmit={refuseTooBig}
        >
          <input type="hidden" name="intent" value="attach" />
          <div className={error ? "field field--error" : "field"}>
            <label htmlFor="attachment">{t("attach.label")}</label>
            <p className="hint" id="attachment-hint">
              {t("attach.hint")}
            </p>
            {error ? (
              <p className="field-error" id="attachment-error" role="alert">
                {t(error.key)}
              </p>
            ) : null}
            <input
              id="attachment"
              name="attachment"
              type="file"
              accept={ATTACHMENT_ACCEPT}
              aria-describedby={error ? "attachment-hint attachment-error" : "attachment-hint"}
              aria-invalid={error ? true : undefined}
            />
          </div>
          {props.canShare ? (
            <div className="choice">
              <input type="checkbox" id="share" name="share" />
              <label htmlFor="share">{t("attach.share")}</label>
            </div>
          ) : null}
          <button type="submit" disabled={busy}>
            {t("attach.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
