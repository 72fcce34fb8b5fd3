import type { Formats } from "next-intl";

/**
 * Named formats shared by server and browser renders: `format.dateTime(date, "dateTime")`,
 * `format.number(n, "percent")`. Money takes its currency at the call:
 * `format.number(amount, { style: "currency", currency })`.
 */
export const formats = {
  dateTime: {
    date: { dateStyle: "medium" },
    dateTime: { dateStyle: "medium", timeStyle: "short" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    percent: { style: "percent", maximumFractionDigits: 1 },
  },
} satisfies Formats;
