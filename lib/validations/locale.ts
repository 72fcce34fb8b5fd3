import { z } from "zod";
import { locales } from "@/lib/i18n/config";

export const setLocaleSchema = z.object({ locale: z.enum(locales) });
