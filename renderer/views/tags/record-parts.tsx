/**
 * Small pieces shared by the tag, verdict-scale and history views: a colour swatch that never
 * carries meaning alone (the name is always written beside it), a claim count in words, and
 * a refusal from main shown as an alert.
 */
import '../../styles/vocabulary-views.css';

/** "1 claim", "3 claims". */
export function countText(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A square of colour. Decorative: whatever it marks is also named in text. */
export function Swatch({ color }: { readonly color: string }) {
  return <span className="vocab-swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}

/** How many live claims carry a record, as a small badge that reads "3 claims". */
export function ClaimCount({ n }: { readonly n: number }) {
  return (
    <span className="count">
      {n}
      <span className="visually-hidden"> {n === 1 ? 'claim' : 'claims'}</span>
    </span>
  );
}

/** A refusal or failure, announced as it appears. Renders nothing without a message. */
export function ErrorNote({ message, prefix }: { readonly message: string | null; readonly prefix?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {prefix ? `${prefix} ${message}` : message}
    </p>
  );
}
