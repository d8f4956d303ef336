/**
 * Reads a PDF back as text, page by page, so a spec can check what a printed report says and
 * where it breaks. Uses pdf.js's legacy build, the one made for Node: without a worker file it
 * parses in this process (its "fake worker"), and text extraction needs no canvas.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is an ES module; this spec process loads TypeScript as CommonJS, hence the dynamic import. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/**
 * The text of each page of the PDF `bytes`, in content order: a page's text runs joined, with a
 * line break where pdf.js sees the end of a line. Rejects when the bytes are not a readable PDF.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const document = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter(isTextItem)
          .map((item) => item.str + (item.hasEOL ? '\n' : ''))
          .join(''),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
