import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { getViewer } from "@/lib/auth";
import { appUrls } from "@/lib/urls";

const steps = [
  { title: "Bring references", body: "Up to five images: a face, an outfit, a product, a place. Order sets their weight." },
  { title: "Say what you want", body: "Describe the picture and point at references with @1…@5." },
  { title: "Keep what you make", body: "Every result is stored in your gallery, ready to remix, share or hand to your team." },
];

export default async function LandingPage() {
  const viewer = await getViewer();
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-5">
        <span className="text-lg font-semibold tracking-tight">Atelier</span>
        <nav className="flex items-center gap-2">
          <LocaleSwitcher />
          {viewer ? (
            <Link href={appUrls.workspaces} className={buttonClass("primary")}>
              Open your studio
            </Link>
          ) : (
            <>
              <Link href={appUrls.signIn()} className={buttonClass("ghost")}>
                Sign in
              </Link>
              <Link href={appUrls.signUp()} className={buttonClass("primary")}>
                Get started
              </Link>
            </>
          )}
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-6 pb-24 pt-16">
        <h1 className="max-w-2xl text-5xl font-semibold leading-tight tracking-tight">
          Merge your references into new images.
        </h1>
        <p className="mt-5 max-w-xl text-lg text-ink-muted">
          Atelier is a studio for prompt-and-merge image making: upload what you have, describe what you want, and
          build a gallery you can share with a link or with your team.
        </p>
        <div className="mt-8">
          <Link href={viewer ? "/w" : "/sign-up"} className={buttonClass("primary", "px-6 py-3 text-base")}>
            {viewer ? "Go to your studio" : "Start creating — it's free"}
          </Link>
        </div>
        <ol className="mt-20 grid gap-6 sm:grid-cols-3">
          {steps.map((s, i) => (
            <li key={s.title} className="rounded-card border border-ink/10 bg-paper-raised p-6">
              <span className="text-sm font-medium text-accent">Step {i + 1}</span>
              <h2 className="mt-2 text-lg font-semibold">{s.title}</h2>
              <p className="mt-1 text-sm text-ink-muted">{s.body}</p>
            </li>
          ))}
        </ol>
      </main>
    </div>
  );
}
