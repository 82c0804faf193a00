import Link from "next/link";

/** A page that only says what happened and where to go next (not found, forbidden). */
export function MessagePage({ title, body, link }: { title: string; body: string; link: { href: string; label: string } }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      <Link href={link.href} className="mt-4 inline-block text-brand-700 underline">
        {link.label}
      </Link>
    </main>
  );
}
