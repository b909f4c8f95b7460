// A typed signature: the signer's full name as on their account, compared without regard to
// case, accents' composition or spacing ("  cliff   CLIENT " signs for "Cliff Client").
const normal = (name: string) =>
  name.normalize("NFKC").toLocaleLowerCase("en").split(/\s+/).filter(Boolean).join(" ");

export const signs = (typed: string, accountName: string): boolean =>
  normal(typed) !== "" && normal(typed) === normal(accountName);
