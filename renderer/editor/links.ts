/**
 * Links in the article show where they point (the target is the link's title) but are not
 * followed: a click places the caret or ends a selection as on any other text. The window
 * refuses navigation anyway; this keeps a click from even trying. Ctrl/Cmd+click, middle click
 * and Shift+click do nothing either for now (opening a link in the user's browser would be
 * a deliberate command, not a click).
 */
import { Plugin } from 'prosemirror-state';

/** Whether `target` is inside a link of the article. */
function inLink(target: EventTarget | null): boolean {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return (element?.closest('a') ?? null) !== null;
}

const stayInPlace = (_view: unknown, event: MouseEvent): boolean => {
  // Only the browser's default action (following the link) is cancelled; ProseMirror still
  // sees the event, so the caret and selection behave as on plain text.
  if (inLink(event.target)) event.preventDefault();
  return false;
};

/** Creates the plugin that keeps clicks on links from following them. */
export function linksPlugin(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        click: stayInPlace,
        auxclick: stayInPlace,
      },
    },
  });
}
