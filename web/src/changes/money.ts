// Amounts in minor units (cents) as people read and type them, in the currency the API names.
import { minorDigits } from "@rehome/core/words";

const formatter = (currency: string) =>
  new Intl.NumberFormat(undefined, { style: "currency", currency, currencyDisplay: "narrowSymbol" });

/** "$1,250.00"; `signed` adds "+" to increases, as a change is read. */
export function money(minor: number, currency: string, signed = false): string {
  const text = formatter(currency).format(minor / 10 ** minorDigits(currency));
  return signed && minor > 0 ? `+${text}` : text;
}

/** What a person typed ("1,250.50", "-80") in minor units, or undefined when it is not an amount. */
export function parseMoney(typed: string, currency: string): number | undefined {
  const clean = typed.replace(/[\s,]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return undefined;
  return Math.round(Number(clean) * 10 ** minorDigits(currency));
}

/** Minor units back into what the amount field shows: "1250.50". */
export const typedMoney = (minor: number, currency: string) =>
  (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));
