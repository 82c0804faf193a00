import Link from "@/components/link";

/**
 * A page that only says what happened and where to go next (not found, forbidden). On its own it
 * is the page's <main>; `framed` draws it inside a frame that already has one (the console's),
 * as a section titled by its heading.
 */
export function MessagePage({ title, body, link, framed }: { title: string; body: string; link: { href: string; label: string }; framed?: boolean }) {
  const content = (
    <>
      <h1 id="message-title" className="text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 text-slate-700">{body}</p>
      <Link href={link.href} className="mt-4 inline-block text-brand-700 underline">
        {link.label}
      </Link>
    </>
  );
  return framed ? (
    <section aria-labelledby="message-title" className="mx-auto max-w-xl px-4 py-16 text-center">
      {content}
    </section>
  ) : (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      {content}
    </main>
  );
}
