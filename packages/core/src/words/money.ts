// Amounts are stored in the configured currency's minor units: cents for USD, whole yen for JPY,
// fils for BHD. How many digits that is comes from Intl, so no currency is assumed to have two.

const formatter = (currency: string) => new Intl.NumberFormat("en-US", { style: "currency", currency });

/** Digits after the point in `currency`: 2 for USD, 0 for JPY, 3 for BHD. */
export const minorDigits = (currency: string) =>
  formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;

/** An amount in minor units written for people: "$1,250.00", "-€80.00", "¥120,000". */
export const money = (minor: number, currency: string) =>
  formatter(currency).format(minor / 10 ** minorDigits(currency));
