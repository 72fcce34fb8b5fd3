// lint-as: app/(marketing)/_components/untranslated-aria-label.tsx
// expect: no-restricted-syntax
export function Close() {
  return <button type="button" aria-label="Close" />;
}
