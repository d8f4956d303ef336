/** Entry point of the Electron main process. */
import './electron/app';
