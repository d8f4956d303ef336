/** What every secondary view (sources, speakers, tags, verdict scale, history) gets from the shell. */

export interface ViewProps {
  /** Opens a claim in its document: switches to the article, jumps to the highlight, opens the form. */
  readonly onOpenClaim: (claim: { readonly id: number; readonly documentId: number }) => void;
  /** Tells the shell that shared project data changed (verdict colours, tag names…) so it reloads what it shows. */
  readonly onDataChanged: () => void;
  /** Shows a transient message at the bottom of the window, with an Undo action when given. */
  readonly notify: (message: string, undo?: () => void) => void;
}
