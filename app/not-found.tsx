import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { appUrls } from "@/lib/urls";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-medium text-accent">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">We couldn&apos;t find that</h1>
      <p className="mt-3 max-w-md text-ink-muted">
        The page may have moved, the link may have expired, or it may belong to a workspace you are not part of.
      </p>
      <Link href={appUrls.home} className={buttonClass("secondary", "mt-8")}>
        Back to Atelier
      </Link>
    </main>
  );
}
