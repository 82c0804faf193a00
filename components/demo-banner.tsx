/** Shown wherever demo data is on screen, so invented figures are never taken for real ones. */
export function DemoBanner({ text }: { text: string }) {
  return (
    <div role="note" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
      {text}
    </div>
  );
}
