/**
 * A JSON-LD block. `text` must already be escaped for a script element (lib/linked-data/json-ld.ts
 * jsonLdText); `nonce` is the request's CSP nonce (proxy.ts passes it as the x-nonce request header),
 * which the policy requires of every script element, data blocks included.
 */
export function JsonLdScript({ text, nonce }: { text: string; nonce: string | undefined }) {
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: text }} />;
}
