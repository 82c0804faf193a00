// The one place next/link is imported (eslint.config.mjs refuses it elsewhere).
// eslint-disable-next-line no-restricted-imports
import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * THE link of the app: Next's client-side navigation, without prefetching (decision 0092). Next
 * prefetches every link that scrolls into view; here each prefetch is a server render of a dynamic
 * page (8–15 for one public page view, a row link per school in a console list) that nginx's
 * micro-cache cannot answer (RSC requests bypass it). A link may still ask for it with prefetch.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
