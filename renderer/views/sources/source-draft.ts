/**
 * What the source form edits: every field of `SourceFields` as the text the user sees (authors
 * one per line, blanks for absent values), and the conversions both ways. Main validates and
 * normalises; these only shape the text.
 */
import type { Reliability, SourceFields, SourceType } from '../../../shared/domain';

/** The source form's fields as typed. */
export interface SourceDraft {
  readonly type: SourceType;
  readonly title: string;
  readonly publisher: string;
  /** One author per line. */
  readonly authors: string;
  readonly issued: string;
  readonly accessed: string;
  readonly url: string;
  readonly language: string;
  readonly notes: string;
  readonly reliability: Reliability;
  readonly reliabilityReason: string;
  readonly confidential: boolean;
}

/** The form of a new source. */
export const EMPTY_SOURCE_DRAFT: SourceDraft = {
  type: 'news-article',
  title: '',
  publisher: '',
  authors: '',
  issued: '',
  accessed: '',
  url: '',
  language: '',
  notes: '',
  reliability: 'unknown',
  reliabilityReason: '',
  confidential: false,
};

/** The form showing a stored source. */
export function draftOfSource(source: SourceFields): SourceDraft {
  return {
    type: source.type,
    title: source.title,
    publisher: source.publisher ?? '',
    authors: source.authors.join('\n'),
    issued: source.issued ?? '',
    accessed: source.accessed ?? '',
    url: source.url ?? '',
    language: source.language ?? '',
    notes: source.notes ?? '',
    reliability: source.reliability,
    reliabilityReason: source.reliabilityReason ?? '',
    confidential: source.confidential,
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The fields to send to main. Blank lines of the authors are dropped. */
export function fieldsOfDraft(draft: SourceDraft): SourceFields {
  return {
    type: draft.type,
    title: draft.title.trim(),
    publisher: orNull(draft.publisher),
    authors: draft.authors
      .split('\n')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    issued: orNull(draft.issued),
    accessed: orNull(draft.accessed),
    url: orNull(draft.url),
    language: orNull(draft.language),
    notes: orNull(draft.notes),
    reliability: draft.reliability,
    reliabilityReason: orNull(draft.reliabilityReason),
    confidential: draft.confidential,
  };
}
