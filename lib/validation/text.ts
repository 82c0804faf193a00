/**
 * Characters no search term or form field may carry. NUL cannot be stored or compared by
 * PostgreSQL at all ("invalid byte sequence for encoding UTF8: 0x00"): a value holding one would
 * turn a user's typo into a server error, so it is refused as a validation issue at every entry
 * point (server actions via parseInput, imports, search parameters). Search terms refuse every
 * C0/C1 control character: none can be part of a name.
 */
export const NUL = "\u0000";
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const hasNul = (s: string): boolean => s.includes(NUL);
export const hasControlChar = (s: string): boolean => CONTROL.test(s);
/** For `.refine(noControlChars, "validation.controlCharacter")` on search terms. */
export const noControlChars = (s: string | undefined): boolean => s === undefined || !CONTROL.test(s);

/**
 * Invisible and text-direction characters (zero-width space/joiners, LRM/RLM, the bidi embeddings,
 * overrides and isolates such as U+202E, word joiner, BOM). None belongs in a school's name, and they
 * let two names that look identical differ, or make one read backwards: names refuse them.
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** For `.refine(isCleanName, "validation.invisibleCharacter")` on names. */
export const isCleanName = (s: string | null | undefined): boolean => !s || (!CONTROL.test(s) && !INVISIBLE.test(s));
