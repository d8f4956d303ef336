export { detectFormat, fileLabel, IMPORT_EXTENSIONS } from './detect-format';
export { extractDocument, type ExtractOptions } from './extract-document';
export { encodingName, FALLBACK_ENCODINGS } from './text-encoding';
export type { Extracted, ExtractedContent, ExtractedDocument, ExtractedMeta, ImportFormat } from './types';
