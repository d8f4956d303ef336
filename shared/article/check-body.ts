/**
 * The one check every stored article body must pass, whoever built it: valid for the schema
 * (so no link other than http:, https: or mailto:) and matching the plain text stored with it.
 */
import type { Node } from 'prosemirror-model';
import { AppError } from '../result';
import { plainTextOf } from './plain-text';
import { articleSchema } from './schema';

/**
 * The document of `body`. Throws AppError('invalid-argument') unless `body` is a valid article
 * whose plain text is `plainText`.
 */
export function checkArticleBody(body: unknown, plainText: string): Node {
  let doc: Node;
  try {
    doc = articleSchema.nodeFromJSON(body);
    doc.check();
  } catch {
    throw new AppError('invalid-argument', 'The article body is not a valid article.');
  }
  if (plainTextOf(doc) !== plainText) throw new AppError('invalid-argument', 'The article body does not match its plain text.');
  return doc;
}
