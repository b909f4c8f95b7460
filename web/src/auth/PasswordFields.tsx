// A new password twice, with the rule the API applies, so a typo is caught before sending.
import { ui } from "../components/ui";

export const MIN_PASSWORD = 10;

export function PasswordFields({ error }: { error?: string }) {
  return (
    <>
      <label className={ui.label}>
        New password
        <input
          name="password"
          type="password"
          required
          minLength={MIN_PASSWORD}
          autoComplete="new-password"
          aria-describedby="password-help"
          className={`${ui.field} mt-1`}
        />
        <span id="password-help" className="mt-1 block text-xs font-normal text-slate-500">
          {error ?? `At least ${MIN_PASSWORD} characters.`}
        </span>
      </label>
      <label className={ui.label}>
        Repeat it
        <input
          name="repeat"
          type="password"
          required
          minLength={MIN_PASSWORD}
          autoComplete="new-password"
          className={`${ui.field} mt-1`}
        />
      </label>
    </>
  );
}

/** The new password, or an error when the two entries differ. */
export function newPassword(data: FormData): string {
  const password = String(data.get("password"));
  if (password !== String(data.get("repeat"))) throw new Error("The two passwords differ.");
  return password;
}
