import { Form, useNavigation } from "@remix-run/react";
import { PASSWORD_MAX } from "../domain/password-policy";
import type { FieldErrors } from "../utils/form";
import { TextField } from "./form-fields";

/** Choosing a password (from an invitation or a reset link): the password, typed twice. */
export function NewPasswordForm(props: {
  email: string;
  labels: { password: string; confirm: string };
  hint: string;
  errors: FieldErrors;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  return (
    <Form method="post" noValidate className="stack">
      {/* Lets a password manager save the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={props.email} />
      <TextField
        name="password"
        type="password"
        label={props.labels.password}
        hint={props.hint}
        required
        errors={props.errors}
        maxLength={PASSWORD_MAX}
        autoComplete="new-password"
      />
      <TextField
        name="confirm"
        type="password"
        label={props.labels.confirm}
        required
        errors={props.errors}
        maxLength={PASSWORD_MAX}
        autoComplete="new-password"
      />
      <button type="submit" disabled={navigation.state !== "idle"}>
        {props.submitLabel}
      </button>
    </Form>
  );
}
