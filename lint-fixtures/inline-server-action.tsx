// lint-as: lib/actions/fixture.tsx
// expect: no-restricted-syntax
export function Form() {
  return (
    <form
      action={async () => {
        "use server";
      }}
    />
  );
}
