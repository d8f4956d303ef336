/**
 * Links in the article show where they point (the target is the link's title) but are not
 * followed: a click places the caret or ends a selection as on any other text. The window
 * refuses navigation anyway; this keeps a click from even trying. Opening a link in the
 * user's browser is a deliberate gesture, Ctrl/Cmd+click, handed to `onOpen` (main decides
 * whether the address may be opened).
 */
import { Plugin } from 'prosemirror-state';

/** The link of the article `target` is inside, if any. */
function linkOf(target: EventTarget | null): HTMLAnchorElement | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest('a') ?? null;
}

/** Creates the plugin that keeps clicks on links from following them; Ctrl/Cmd+click calls `onOpen`. */
export function linksPlugin(onOpen: (href: string) => void = () => {}): Plugin {
  const stayInPlace = (_view: unknown, event: MouseEvent): boolean => {
    const link = linkOf(event.target);
    if (link === null) return false;
    // Only the browser's default action (following the link) is cancelled; ProseMirror still
    // sees the event, so the caret and selection behave as on plain text.
    event.preventDefault();
    if (event.type === 'click' && (event.ctrlKey || event.metaKey)) onOpen(link.getAttribute('href') ?? '');
    return false;
  };
  return new Plugin({
    props: {
      handleDOMEvents: {
        click: stayInPlace,
        auxclick: stayInPlace,
      },
    },
  });
}
