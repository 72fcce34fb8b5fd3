import { Hello } from "./hello";

export default function Page() {
  return (
    <main>
      <h1>Minimal page</h1>
      <Hello />
    </main>
  );
}
