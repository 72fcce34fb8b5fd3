import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { TimeZoneCookie } from "@/components/ui/time-zone-cookie";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { Providers } from "./providers";
import "./globals.css";

// A local file: there is no font CDN on the machines that build this.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Atelier", template: "%s · Atelier" }, description: t("description") };
}

async function chosenTheme() {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}

export async function generateViewport(): Promise<Viewport> {
  const theme = await chosenTheme();
  return { colorScheme: theme === "system" ? "light dark" : theme };
}

// Every page is rendered per request: the CSP nonce (proxy.ts) is new each time, and Next can
// only put it on its inline scripts while rendering.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const [locale, theme] = await Promise.all([getLocale(), chosenTheme()]);
  return (
    // No data-theme means "follow the system" (app/globals.css).
    <html lang={locale} className={inter.variable} data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-dvh font-sans">
        {/* Inherits locale, messages, formats, time zone and the request's "now" from lib/i18n/request.ts. */}
        <NextIntlClientProvider>
          <TimeZoneCookie />
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
