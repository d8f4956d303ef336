/**
 * Printing the HTML report to PDF needs a browser engine: Electron's `printToPDF` in a hidden
 * window in the app, Chromium's PDF output in the tests. Handlers see only this interface.
 */

export interface PdfPrinter {
  /**
   * The PDF of a complete, self-contained HTML document (the report: no scripts, no network).
   * AppError('internal') or a plain Error when the engine fails.
   */
  print(html: string): Promise<Uint8Array>;
}
