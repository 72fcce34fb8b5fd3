import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// DESIGN.md's layering, enforced (lint-fixtures/ holds one deliberate violation of each rule, and
// lib/lint/boundaries.test.ts proves every one is reported).
const restrict = (...patterns) => ["error", { patterns }];

/** Browser code sees server data only as types (DTOs): a value import would pull the server in. */
const typesOnlyFromServer = {
  group: ["@/lib/db", "@/lib/data/*", "@/lib/data/**", "@/lib/generated/**"],
  allowTypeImports: true,
  message: "Client code may import DTO types from the server, never values: go through an action or a route.",
};

/**
 * The Create page ships no zod (#13: a library pulled into the browser for a few numbers): its
 * components read limits from the zod-free modules; the schemas run in the actions.
 */
const zodFreeStudio = {
  group: ["zod", "@/lib/validations/*", "!@/lib/validations/generation-limits", "!@/lib/validations/size", "!@/lib/validations/gallery-filters"],
  allowTypeImports: true,
  message:
    "The Create page's client code (and the shell and live client every page loads) ships no zod: import limits from @/lib/validations/generation-limits or gallery-filters.",
};

const noPrisma = {
  group: ["@/lib/db", "@/lib/generated/**", "@prisma/*", "@/lib/data/*", "@/lib/data/**"],
  message: "lib/image-api talks to the image endpoint and knows nothing of Prisma or the data layer.",
};

const noUsers = {
  group: ["@/lib/auth", "@/lib/permissions", "@/lib/data/*", "@/lib/data/**", "@/lib/actions/*", "@/lib/http/*"],
  message: "lib/storage stores bytes under keys and knows nothing of users, roles or the data layer.",
};

const useServer = {
  selector: "ExpressionStatement[directive='use server']",
  message: '"use server" lives only in lib/actions/<verb>-<noun>.ts, behind the action wrapper.',
};
const inlineUseServer = {
  selector: ":function ExpressionStatement[directive='use server']",
  message: "No inline server actions: one action per file in lib/actions, behind the action wrapper.",
};

// Words a person reads come from the message catalogues (lib/i18n/messages): JSX text and the
// props a screen reader or a tooltip speaks may not be string literals in app/** or components/**.
// Punctuation, symbols and the product's name read the same in every language and stay allowed.
const jsxNoLiterals = [
  "error",
  { noStrings: true, ignoreProps: true, allowedStrings: ["Atelier", "·", "×", "/", "…", "—", "–", "→", "←", "▾", "✕", "+", "@", "-", ":", "(", ")", "%", "*", "•", "|"] },
];
const SPOKEN_PROPS = "/^(aria-label|aria-description|aria-roledescription|aria-placeholder|aria-valuetext|title|placeholder|alt)$/";
const literalProps = [
  {
    // alt="" (a decorative image) says nothing and stays allowed.
    selector: `JSXAttribute[name.name=${SPOKEN_PROPS}] > Literal[value=/\\S/]`,
    message: "A spoken or shown prop comes from the catalogues: useTranslations()/getTranslations() (lib/i18n).",
  },
  {
    selector: `JSXAttribute[name.name=${SPOKEN_PROPS}] > JSXExpressionContainer > :matches(Literal[value=/\\S/], TemplateLiteral)`,
    message: "A spoken or shown prop comes from the catalogues: useTranslations()/getTranslations() (lib/i18n).",
  },
  {
    selector: `JSXAttribute[name.name=${SPOKEN_PROPS}] > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > :matches(Literal[value=/\\S/], TemplateLiteral)`,
    message: "A spoken or shown prop comes from the catalogues: useTranslations()/getTranslations() (lib/i18n).",
  },
  {
    // react/jsx-no-literals does not look inside `{ready ? "Done" : "Working"}`.
    selector: ":matches(JSXElement, JSXFragment) > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > :matches(Literal[value=/\\S/], TemplateLiteral)",
    message: "Text a person reads comes from the catalogues: useTranslations()/getTranslations() (lib/i18n).",
  },
];

/**
 * Files still to be converted to the catalogues; the literal-string rules skip them. Whoever
 * converts a file removes it here. End state: empty.
 */
export const UNTRANSLATED = [
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures call a parameter named `use`, which the React hooks rule mistakes for React's.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["components/**", "app/**/_components/**", "lib/client-data/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(typesOnlyFromServer) },
  },
  {
    files: [
      "components/studio/**",
      "components/gallery/**",
      "components/live/**",
      "components/workspace/**",
      "lib/client-data/**",
      "lib/validations/gallery-filters.ts",
    ],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(typesOnlyFromServer, zodFreeStudio) },
  },
  {
    files: ["lib/image-api/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(noPrisma) },
  },
  {
    files: ["lib/storage/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(noUsers) },
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    ignores: ["lib/actions/**"],
    rules: { "no-restricted-syntax": ["error", useServer] },
  },
  {
    files: ["lib/actions/**"],
    rules: { "no-restricted-syntax": ["error", inlineUseServer] },
  },
  {
    // Flat config replaces a rule's options per matching object: repeat useServer beside the new selectors.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    // Route folders like (auth) and [token] are glob syntax: match them literally.
    ignores: UNTRANSLATED.map((file) => file.replace(/[()[\]]/g, "\\$&")),
    rules: { "react/jsx-no-literals": jsxNoLiterals, "no-restricted-syntax": ["error", useServer, ...literalProps] },
  },
  {
    ignores: [
      ".next/**",
      ".next-e2e/**",
      ".next-bench/**",
      ".next-analyze/**",
      "scripts/bench/minimal-app/.next/**",
      "node_modules/**",
      ".data/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "lint-fixtures/**",
    ],
  },
];

export default config;
