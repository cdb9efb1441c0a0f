/**
 * Texts read when an answer is made, so each is in the request's language (Paraglide's `m.*`
 * read the locale at call time; docs/architecture.md, "Languages"). An area lists its message
 * functions once and reads the result like plain strings: `BOOK.not_found`.
 */

/** A message of no parameters, as Paraglide compiles one. */
type Message = () => string;

/**
 * An object with one getter per message: reading `texts.key` calls the message then, never
 * when the module loads. The getters are enumerable, as an object literal's are, so spreading
 * or `Object.hasOwn` see them.
 */
export function lazy<T extends Record<string, Message>>(
	messages: T
): { readonly [K in keyof T]: string } {
	const texts = {} as { [K in keyof T]: string };
	for (const [key, message] of Object.entries(messages)) {
		Object.defineProperty(texts, key, { get: message, enumerable: true });
	}
	return texts;
}

/**
 * `lazy(messages)` with more members beside (functions taking a value, say), kept as given:
 * `lazyWith({ saved: m.x }, { added: (name: string) => m.y({ name }) })`.
 */
export function lazyWith<T extends Record<string, Message>, E extends object>(
	messages: T,
	extra: E
): { readonly [K in keyof T]: string } & E {
	return Object.assign(lazy(messages), extra);
}
