import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { appUrls } from "@/lib/urls";

/** Revoked, expired and never-existing links all look like this, so none can be told apart. */
export default function ShareNotFound() {
  return (
    <div className="flex flex-col items-center py-16 text-center">
      <p className="text-sm font-medium text-accent">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">This link isn&apos;t available</h1>
      <p className="mt-3 max-w-md text-ink-muted">
        The person who shared it may have revoked it, or it may have expired. Ask them for a new link.
      </p>
      <Link href={appUrls.home} className={buttonClass("secondary", "mt-8")}>
        Go to Atelier
      </Link>
    </div>
  );
}
