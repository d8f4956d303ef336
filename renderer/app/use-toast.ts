/** One transient message at a time, with an optional undo action; clears itself. */
import { useCallback, useEffect, useState } from 'react';

export interface ToastState {
  readonly id: number;
  readonly message: string;
  readonly undo?: () => void;
}

const TOAST_MS = 8000;
let counter = 0;

/** Returns the current toast and functions to show and dismiss one. */
export function useToast() {
  const [toast, setToast] = useState<ToastState | null>(null);
  const show = useCallback((message: string, undo?: () => void) => setToast({ id: ++counter, message, ...(undo ? { undo } : {}) }), []);
  const dismiss = useCallback(() => setToast(null), []);
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast((t) => (t?.id === toast.id ? null : t)), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  return { toast, show, dismiss };
}
