// lint-as: components/ui/untranslated-jsx-text.tsx
// expect: react/jsx-no-literals
export function Greeting() {
  return <p>Welcome back</p>;
}
