// A new password twice, with the rule the API applies, so a typo is caught before sending.
import { TextField } from "../components/Field";

export const MIN_PASSWORD = 10;

export function PasswordFields({ error }: { error?: string }) {
  const rule = { type: "password", required: true, minLength: MIN_PASSWORD, autoComplete: "new-password" };
  return (
    <>
      <TextField
        label="New password"
        name="password"
        {...rule}
        help={error ?? `At least ${MIN_PASSWORD} characters.`}
      />
      <TextField label="Repeat it" name="repeat" {...rule} />
    </>
  );
}

/** The new password, or an error when the two entries differ. */
export function newPassword(data: FormData): string {
  const password = String(data.get("password"));
  if (password !== String(data.get("repeat"))) throw new Error("The two passwords differ.");
  return password;
}
