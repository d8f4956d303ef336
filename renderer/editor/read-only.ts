/**
 * Keeps the article's text as published while leaving a caret in it, so a keyboard user can
 * move through the text and select a claim with Shift+arrows. Input events are cancelled
 * before the browser changes the DOM, and any transaction that would change the document is
 * refused as a last guard.
 */
import { Plugin } from 'prosemirror-state';

/** Creates the read-only-with-caret plugin. */
export function readOnlyPlugin(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      attributes: {
        role: 'textbox',
        'aria-readonly': 'true',
        'aria-multiline': 'true',
        'aria-label': 'Article text. Select a passage, then press Control+E to tag it as a claim.',
        spellcheck: 'false',
      },
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      handlePaste: () => true,
      handleDrop: () => true,
      handleKeyPress: () => true,
    },
  });
}
