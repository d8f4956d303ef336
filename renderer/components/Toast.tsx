/** A status message at the bottom of the window, optionally with an Undo action. */
interface Props {
  readonly message: string;
  readonly actionLabel?: string;
  readonly onAction?: () => void;
  readonly onDismiss: () => void;
}

/** The toast. Announced politely to screen readers. */
export function Toast({ message, actionLabel, onAction, onDismiss }: Props) {
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      {onAction && (
        <button type="button" onClick={onAction}>
          {actionLabel ?? 'Undo'}
        </button>
      )}
      <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
