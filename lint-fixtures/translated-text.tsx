// lint-as: components/ui/translated-text.tsx
// expect: nothing
import { useTranslations } from "next-intl";

// Catalogue text, symbols, an empty alt and class names are all fine.
export function Heading() {
  const t = useTranslations("common");
  return (
    <h1 title={t("language")} className="text-sm">
      {t("language")} · <img alt="" src="/logo.svg" />
    </h1>
  );
}
