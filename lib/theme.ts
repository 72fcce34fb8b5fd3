/** The colour scheme a person chose in the shell. Shared by server and browser code. */
export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];

/** Written by the theme switcher, read by app/layout.tsx so the first paint is already right. */
export const THEME_COOKIE = "atelier-theme";

export function parseTheme(value: unknown): Theme {
  return typeof value === "string" && (themes as readonly string[]).includes(value) ? (value as Theme) : "system";
}
