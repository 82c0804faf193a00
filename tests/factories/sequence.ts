import { mulberry32 } from "../../prisma/demo/random";

/** Client or transaction: the factories need only the model delegates. */
export type { Tx as Db } from "../../lib/db/client";

// A per-process tag keeps ids unique even on a database that earlier runs wrote to.
const tag = Math.random().toString(36).slice(2, 7);
let n = 0;

/** A unique suffix such as "k3f9a-12". */
export const uniqueTag = () => `${tag}-${++n}`;

/** A random source for codes: seeded per process, so codes differ between processes. */
export const factoryRandom = mulberry32(Math.floor(Math.random() * 2 ** 32));
