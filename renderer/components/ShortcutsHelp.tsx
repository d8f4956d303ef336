/** The help overlay listing every keyboard shortcut. */
import { useId } from 'react';
import { SHORTCUTS } from '../app/shortcuts';
import { Modal } from './Modal';

/** The shortcuts dialog. */
export function ShortcutsHelp({ onClose }: { readonly onClose: () => void }) {
  const id = useId();
  return (
    <Modal title="Keyboard shortcuts" titleId={`${id}-title`} onClose={onClose}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
