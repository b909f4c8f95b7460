// Hides contact details (emails, phone numbers) in text shown to a role that may not see them.
// Dates, amounts and ids stay readable: only runs of 9-15 digits count as phone numbers. Pure.

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const DIGIT_RUN = /(?<![\w-])\+?\(?\d[\d\s().-]{6,}\d(?![\w-])/g;

export const EMAIL_HIDDEN = "[email hidden]";
export const PHONE_HIDDEN = "[phone hidden]";

export const maskContacts = (text: string) =>
  text.replace(EMAIL, EMAIL_HIDDEN).replace(DIGIT_RUN, (run) => (isPhone(run) ? PHONE_HIDDEN : run));

function isPhone(run: string) {
  const digits = run.replace(/\D/g, "").length;
  return digits >= 9 && digits <= 15;
}
