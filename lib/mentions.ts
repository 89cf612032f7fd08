/**
 * The shape of an `@mention` token in a comment: `@ada`, `@AdaAdmin` or `@ada@northwind.test`,
 * not preceded by a letter or digit (so an email in running text is not one). One pattern for
 * the server, which resolves mentions, and the UI, which marks them.
 */
export const MENTION_PATTERN = /(?<![\p{L}\p{N}_])@([\p{L}\p{N}._%+-]+(?:@[\p{L}\p{N}.-]+\.[\p{L}]{2,})?)/gu;
